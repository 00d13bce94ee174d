package app.tinylytics.gateway.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One media type of a {@code Content-Type} or {@code Accept} header, parsed as HTTP defines it: case-insensitive
 * type and subtype, parameters (a quoted value may hold commas and semicolons), and the {@code q} weight. Headers are
 * read as lists: a header sent twice, or values joined with commas (as browsers do), are one list.
 */
public record MediaType(String type, String subtype, Map<String, String> parameters, double quality) {

    public static final MediaType JSON = new MediaType("application", "json", Map.of(), 1);
    public static final MediaType GRAPHQL_RESPONSE_JSON = new MediaType("application", "graphql-response+json", Map.of(), 1);
    public static final MediaType GRAPHQL = new MediaType("application", "graphql", Map.of(), 1);

    /** Every media type in the header values, in order; malformed entries are dropped. */
    public static List<MediaType> parseAll(List<String> headerValues) {
        List<MediaType> types = new ArrayList<>();
        for (String value : headerValues) {
            for (String entry : split(value, ',')) {
                MediaType type = parse(entry);
                if (type != null) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    /** {@code type/subtype} in lower case, without parameters. */
    public String essence() {
        return type + "/" + subtype;
    }

    /** The {@code charset} parameter in lower case, or null. */
    public String charset() {
        String charset = parameters.get("charset");
        return charset == null ? null : charset.toLowerCase(Locale.ROOT);
    }

    /** True when this (possibly wildcard) range covers {@code concrete}. */
    public boolean covers(MediaType concrete) {
        return (type.equals("*") || type.equals(concrete.type)) && (subtype.equals("*") || subtype.equals(concrete.subtype));
    }

    public boolean sameEssence(MediaType other) {
        return type.equals(other.type) && subtype.equals(other.subtype);
    }

    /** {@code type/subtype; charset=utf-8}: how a response announces itself. */
    public String withUtf8() {
        return essence() + "; charset=utf-8";
    }

    private static MediaType parse(String entry) {
        List<String> parts = split(entry, ';');
        if (parts.isEmpty()) {
            return null;
        }
        String[] essence = parts.get(0).strip().toLowerCase(Locale.ROOT).split("/", -1);
        if (essence.length != 2 || !isToken(essence[0]) || !isToken(essence[1])) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        double quality = 1;
        for (String parameter : parts.subList(1, parts.size())) {
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = unquote(parameter.substring(equals + 1).strip());
            if (name.equals("q")) {
                quality = parseQuality(value);
            } else {
                parameters.putIfAbsent(name, value);
            }
        }
        return new MediaType(essence[0], essence[1], Map.copyOf(parameters), quality);
    }

    private static double parseQuality(String value) {
        try {
            double quality = Double.parseDouble(value);
            return quality >= 0 && quality <= 1 ? quality : 0;
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** Splits on {@code separator} outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == separator && !quoted) {
                addIfNotBlank(parts, part);
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        addIfNotBlank(parts, part);
        return parts;
    }

    private static void addIfNotBlank(List<String> parts, StringBuilder part) {
        if (!part.toString().isBlank()) {
            parts.add(part.toString());
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return value;
    }

    private static boolean isToken(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
    }
}
