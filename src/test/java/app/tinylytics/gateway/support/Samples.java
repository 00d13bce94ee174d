package app.tinylytics.gateway.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reproducible random samples for property tests: a fixed seed per test, so a failing case can be rerun as it was,
 * and the sample is printed in the assertion message.
 */
public final class Samples {

    private final Random random;

    private Samples(long seed) {
        this.random = new Random(seed);
    }

    public static Samples seeded(long seed) {
        return new Samples(seed);
    }

    /** {@code count} samples made by {@code make}. */
    public <T> Stream<T> of(int count, Function<Samples, T> make) {
        return IntStream.range(0, count).mapToObj(i -> make.apply(this));
    }

    public int between(int min, int maxInclusive) {
        return min + random.nextInt(maxInclusive - min + 1);
    }

    public <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A string of {@code min} to {@code max} characters drawn from {@code alphabet}. */
    public String string(String alphabet, int min, int max) {
        StringBuilder text = new StringBuilder();
        int length = between(min, max);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** A map of up to {@code maxSize} entries with names from {@code names} and values made by {@code value}. */
    public Map<String, String> map(List<String> names, int maxSize, Function<Samples, String> value) {
        Map<String, String> map = new LinkedHashMap<>();
        int size = between(0, maxSize);
        for (int i = 0; i < size; i++) {
            map.put(oneOf(names), value.apply(this));
        }
        return map;
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }
}
