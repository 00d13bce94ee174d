package app.tinylytics.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds response bodies as ordered maps: the simulator's JSON must keep the reference's key order and
 * its explicit nulls, which plain maps give without per-shape DTO classes.
 */
public final class Json {

    private Json() {
    }

    /** An ordered object from alternating keys and values; values may be null. */
    public static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** {@code {"error": message}}, the API's error payload. */
    public static Map<String, Object> error(String message) {
        return object("error", message);
    }

    /** Rails renders times as whole-second UTC ISO-8601 ({@code 2026-02-13T14:22:00Z}) in the reference. */
    public static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A percentage-like number rounded half-up to the given decimals, as Ruby's {@code round} does. */
    public static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
