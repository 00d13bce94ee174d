package app.tinylytics.gateway.upstream.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import app.tinylytics.gateway.support.Samples;
import app.tinylytics.gateway.upstream.Endpoint;

/**
 * Cache keys are built structurally: whatever the values contain (the separators {@code &}, {@code =}, {@code |},
 * percent signs, unicode, empty strings) two different reads never share a key, and equal reads always do. Checked
 * on thousands of generated parameter maps (fixed seeds, so a failure can be replayed).
 */
class ReadKeyPropertiesTest {

    private static final List<String> NAMES = List.of("path", "referrer", "country", "uid", "page", "per_page", "p&q", "a=b");
    private static final String VALUE_CHARACTERS = "&=%|+ /aAz0ü日\u0000";

    private static Map<String, String> params(Samples samples) {
        return samples.map(NAMES, 4, s -> s.string(VALUE_CHARACTERS, 0, 8));
    }

    @Test
    void aValueContainingSeparatorsCannotPoseAsAnotherParameter() {
        ReadKey planted = key("id", Map.of("path", "/a&referrer=x"));
        ReadKey honest = key("id", Map.of("path", "/a", "referrer", "x"));

        assertNotEquals(honest.encoded(), planted.encoded());
    }

    @Test
    void anEmptyValueIsNotAnAbsentOne() {
        assertNotEquals(key("id", Map.of()).encoded(), key("id", Map.of("path", "")).encoded());
    }

    @Test
    void differentParametersNeverShareAKey() {
        Samples samples = Samples.seeded(13);
        samples.of(5000, s -> List.of(params(s), params(s))).forEach(pair -> {
            if (!pair.get(0).equals(pair.get(1))) {
                assertNotEquals(key("id", pair.get(0)).encoded(), key("id", pair.get(1)).encoded(), pair.toString());
            }
        });
    }

    @Test
    void equalParametersAlwaysShareAKeyWhateverTheirOrder() {
        Samples.seeded(17).of(1000, ReadKeyPropertiesTest::params).forEach(params ->
                assertEquals(key("id", new TreeMap<>(params)).encoded(), key("id", Map.copyOf(params)).encoded(), params.toString()));
    }

    @Test
    void differentKeyIdentitiesNeverShareAKey() {
        Samples samples = Samples.seeded(19);
        samples.of(1000, s -> List.of(s.string("0123456789abcdef", 64, 64), s.string("0123456789abcdef", 64, 64)))
                .forEach(identities -> {
                    Map<String, String> params = params(samples);
                    if (!identities.get(0).equals(identities.get(1))) {
                        assertNotEquals(key(identities.get(0), params).encoded(), key(identities.get(1), params).encoded());
                    }
                });
    }

    private static ReadKey key(String identity, Map<String, String> params) {
        return new ReadKey(identity, Endpoint.HITS, 456, new TreeMap<>(params));
    }
}
