package app.tinylytics.gateway.transport;

import java.util.ArrayList;
import java.util.List;

import app.tinylytics.gateway.support.Samples;

/** Helpers for cutting JSON text apart: where its string literals are, and random JSON values of a chosen kind. */
final class JsonText {

    /** JSON value kinds, for values of the wrong kind. */
    enum Kind {
        NULL, BOOLEAN, NUMBER, STRING, ARRAY, OBJECT
    }

    private JsonText() {
    }

    /** Indices of the characters of {@code json} that are inside string literals (quotes excluded, escapes skipped). */
    static List<Integer> insideStrings(String json) {
        return positions(json, true);
    }

    /** Indices of the characters of {@code json} outside string literals. */
    static List<Integer> outsideStrings(String json) {
        return positions(json, false);
    }

    private static List<Integer> positions(String json, boolean inside) {
        List<Integer> positions = new ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString && c == '\\') {
                i++;
                continue;
            }
            if (c == '"') {
                inString = !inString;
                continue;
            }
            if (inString == inside) {
                positions.add(i);
            }
        }
        return positions;
    }

    /** A random JSON value of this kind, nested at most {@code depth} levels. */
    static String value(Samples samples, Kind kind, int depth) {
        return switch (kind) {
            case NULL -> "null";
            case BOOLEAN -> samples.chance(0.5) ? "true" : "false";
            case NUMBER -> samples.oneOf(List.of("0", "-1", "1.5", "2147483648", "1e3", "-0.0", "123456789012345678901234567890",
                    String.valueOf(samples.between(-100000, 100000)), samples.between(0, 999) + "." + samples.between(0, 999)));
            case STRING -> "\"" + samples.string("abcxyz{}$ 0123456789_:-", 0, 12) + "\"";
            case ARRAY -> {
                StringBuilder array = new StringBuilder("[");
                int size = depth <= 0 ? 0 : samples.between(0, 3);
                for (int i = 0; i < size; i++) {
                    array.append(i == 0 ? "" : ",").append(value(samples, samples.oneOf(List.of(Kind.values())), depth - 1));
                }
                yield array.append(']').toString();
            }
            case OBJECT -> {
                StringBuilder object = new StringBuilder("{");
                int size = depth <= 0 ? 0 : samples.between(0, 3);
                for (int i = 0; i < size; i++) {
                    object.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":")
                            .append(value(samples, samples.oneOf(List.of(Kind.values())), depth - 1));
                }
                yield object.append('}').toString();
            }
        };
    }

    /** A random JSON value of any kind except those given. */
    static String valueExcept(Samples samples, List<Kind> excluded) {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
        kinds.removeAll(excluded);
        return value(samples, samples.oneOf(kinds), 2);
    }

    /** {@code depth} nested arrays or {@code {"a": ...}} objects around {@code inner}. */
    static String nested(Samples samples, int depth, String inner) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (samples.chance(0.5)) {
                open.append('[');
                close.append(']');
            } else {
                open.append("{\"a\":");
                close.append('}');
            }
        }
        return open + inner + close.reverse();
    }
}
