package app.tinylytics.gateway.transport;

import static app.tinylytics.gateway.transport.Cases.body;
import static app.tinylytics.gateway.transport.Cases.bytes;
import static app.tinylytics.gateway.transport.Cases.insert;
import static app.tinylytics.gateway.transport.Cases.object;
import static app.tinylytics.gateway.transport.Cases.refused;
import static app.tinylytics.gateway.transport.Cases.requestError;
import static app.tinylytics.gateway.transport.Cases.utf8;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.tinylytics.gateway.support.Samples;
import app.tinylytics.gateway.transport.JsonText.Kind;
import app.tinylytics.gateway.transport.MalformedRequest.Category;
import app.tinylytics.gateway.transport.ValidRequests.Template;

/** Generated malformed bodies of {@code POST /graphql}: broken JSON, wrong shapes, duplicate keys, deep, not UTF-8, huge, empty. */
final class BodyCases {

    /** Byte sequences that are not UTF-8: stray continuations, overlong forms, surrogates, beyond U+10FFFF, cut short. */
    static final List<byte[]> INVALID_UTF8 = List.of(bytes(0x80), bytes(0xBF), bytes(0xC0, 0x80), bytes(0xC0, 0xAF),
            bytes(0xC1, 0xBF), bytes(0xE0, 0x80, 0x80), bytes(0xE0, 0x80, 0xAF), bytes(0xF0, 0x80, 0x80, 0x80),
            bytes(0xF0, 0x80, 0x80, 0xAF), bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF),
            bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF5, 0x80, 0x80, 0x80),
            bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0xFC, 0x84, 0x80, 0x80, 0x80, 0x80), bytes(0xFE), bytes(0xFF),
            bytes(0xC3), bytes(0xE2, 0x82), bytes(0xF0, 0x9F, 0x98));

    private BodyCases() {
    }

    static MalformedRequest jsonSyntax(Samples samples) {
        Template template = samples.oneOf(ValidRequests.ALL);
        String json = template.json();
        String name = template.name() + ": ";
        return switch (samples.between(0, 8)) {
            case 0 -> {
                int cut = samples.between(1, json.length() - 1);
                yield refused(Category.JSON_SYNTAX, name + "cut after " + cut + " characters", RawRequest.postJson(json.substring(0, cut)));
            }
            case 1 -> {
                int at = samples.between(0, json.length());
                char control = samples.oneOf(List.of('\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F'));
                yield refused(Category.JSON_SYNTAX, name + "control character U+" + (int) control + " at " + at,
                        RawRequest.postJson(json.substring(0, at) + control + json.substring(at)));
            }
            case 2 -> {
                String garbage = samples.oneOf(List.of("x", "}", "]", ",", "{}", "[]", "null", "1", "\"x\"", json, ";", "\u0000",
                        ":", "/", "#" + samples.string("abc", 0, 5)));
                yield refused(Category.JSON_SYNTAX, name + "trailing " + garbage.length() + " characters",
                        RawRequest.postJson(json + samples.oneOf(List.of("", " ", "\n")) + garbage));
            }
            case 3 -> {
                List<Integer> quotes = new ArrayList<>();
                for (int i = 0; i < json.length(); i++) {
                    if (json.charAt(i) == '"') {
                        quotes.add(i);
                    }
                }
                int at = samples.oneOf(quotes);
                yield refused(Category.JSON_SYNTAX, name + "single quote at " + at,
                        RawRequest.postJson(json.substring(0, at) + "'" + json.substring(at + 1)));
            }
            case 4 -> {
                List<Integer> structural = JsonText.outsideStrings(json).stream()
                        .filter(i -> "{}[]:,".indexOf(json.charAt(i)) >= 0).toList();
                int at = samples.oneOf(structural);
                yield refused(Category.JSON_SYNTAX, name + "without the '" + json.charAt(at) + "' at " + at,
                        RawRequest.postJson(json.substring(0, at) + json.substring(at + 1)));
            }
            case 5 -> {
                String prefix = samples.oneOf(List.of("/* c */", "// c\n", ")]}'\n", "query=", "#\n", "'", "<", "\\", "=" ));
                yield refused(Category.JSON_SYNTAX, name + "prefixed " + prefix.strip(), RawRequest.postJson(prefix + json));
            }
            case 6 -> {
                String literal = samples.oneOf(List.of("NaN", "Infinity", "-Infinity", "0x10", "01", "+1", ".5", "1.", "1.e5",
                        "undefined", "True", "None", "'x'", "\"\\x41\"", "\"\\u12\"", "\"\\uZZZZ\"", "-", "1e", "--1", "[1,]", "{,}"));
                yield refused(Category.JSON_SYNTAX, name + "variable value " + literal,
                        RawRequest.postJson(body(template.document(), "{\"v" + samples.between(0, 99) + "\":" + literal + "}")));
            }
            case 7 -> {
                String broken = samples.oneOf(List.of(
                        json.replaceFirst("\"query\"", "query"),
                        json.substring(0, json.length() - 1) + ",}",
                        "{\"query\":}",
                        "{\"query\" " + ValidRequests.write(template.document()) + "}",
                        "{\"query\":" + ValidRequests.write(template.document()) + ",,\"variables\":{}}",
                        "{\"query\":" + ValidRequests.write(template.document()) + "\"variables\":{}}"));
                yield refused(Category.JSON_SYNTAX, name + "object syntax #" + broken.hashCode(), RawRequest.postJson(broken));
            }
            default -> {
                int at = samples.oneOf(JsonText.insideStrings(json));
                char raw = samples.oneOf(List.of('\n', '\t', '\r'));
                yield refused(Category.JSON_SYNTAX, name + "raw control character in a string at " + at,
                        RawRequest.postJson(json.substring(0, at) + raw + json.substring(at)));
            }
        };
    }

    static MalformedRequest bodyShape(Samples samples) {
        Template template = samples.oneOf(ValidRequests.ALL);
        Map<String, String> members = members(template);
        String name = template.name() + ": ";
        switch (samples.between(0, 5)) {
            case 0 -> {
                String value = JsonText.valueExcept(samples, List.of(Kind.OBJECT));
                return refused(Category.BODY_SHAPE, "body is " + value, RawRequest.postJson(value));
            }
            case 1 -> members.put("query", JsonText.valueExcept(samples, List.of(Kind.STRING)));
            case 2 -> members.put("operationName", JsonText.valueExcept(samples, List.of(Kind.STRING, Kind.NULL)));
            case 3 -> members.put("variables", JsonText.valueExcept(samples, List.of(Kind.OBJECT, Kind.NULL)));
            case 4 -> members.put("extensions", JsonText.valueExcept(samples, List.of(Kind.OBJECT, Kind.NULL)));
            default -> {
                members.remove("query");
                if (samples.chance(0.5)) {
                    members.put("query", samples.oneOf(List.of("\"\"", "\" \"", "\"\\n\\t\"", "null")));
                }
                if (samples.chance(0.5)) {
                    members.put("operationName", "\"" + template.name() + "\"");
                }
            }
        }
        String body = object(members);
        return refused(Category.BODY_SHAPE, name + body.substring(0, Math.min(80, body.length())), RawRequest.postJson(body));
    }

    static MalformedRequest duplicateKeys(Samples samples) {
        Template template = samples.oneOf(ValidRequests.ALL);
        String query = ValidRequests.write(template.document());
        String variables = ValidRequests.write(template.variables());
        String body = switch (samples.between(0, 3)) {
            case 0 -> "{\"query\":" + query + ",\"query\":" + ValidRequests.write(samples.oneOf(ValidRequests.ALL).document())
                    + ",\"variables\":" + variables + "}";
            case 1 -> {
                String member = samples.oneOf(List.of("variables", "operationName", "extensions"));
                String value = member.equals("operationName") ? "\"" + template.name() + "\""
                        : member.equals("variables") ? variables : "{}";
                yield "{\"query\":" + query + ",\"" + member + "\":" + value + ",\"" + member + "\":" + value + "}";
            }
            case 2 -> {
                String key = template.variables().isEmpty() ? "x" : template.variables().keySet().iterator().next();
                yield body(template.document(), "{\"" + key + "\":" + ValidRequests.write(template.variables().getOrDefault(key, 1))
                        + ",\"" + key + "\":" + JsonText.value(samples, Kind.STRING, 0) + "}");
            }
            default -> body(template.document(), "{\"in\":{\"path\":\"/a\",\"path\":\"/b\"},\"id\":\"" + samples.between(1, 999) + "\"}");
        };
        return refused(Category.DUPLICATE_KEYS, template.name() + ": " + body.substring(0, Math.min(80, body.length())),
                RawRequest.postJson(body));
    }

    static MalformedRequest deepJson(Samples samples) {
        Template template = samples.oneOf(ValidRequests.ALL);
        int depth = samples.chance(0.5) ? samples.between(66, 200) : samples.between(1000, 10_000);
        String deep = JsonText.nested(samples, depth, samples.oneOf(List.of("1", "\"x\"", "null", "[]", "{}")));
        Map<String, String> members = members(template);
        String where = samples.oneOf(List.of("variables", "extensions", "body", "query"));
        String body = switch (where) {
            case "variables" -> {
                members.put("variables", "{\"deep\":" + deep + "}");
                yield object(members);
            }
            case "extensions" -> {
                members.put("extensions", "{\"deep\":" + deep + "}");
                yield object(members);
            }
            case "query" -> {
                members.put("query", deep);
                yield object(members);
            }
            default -> deep;
        };
        return refused(Category.DEEP_JSON, template.name() + ": " + depth + " levels in " + where, RawRequest.postJson(body));
    }

    static MalformedRequest invalidUtf8(Samples samples) {
        Template template = samples.oneOf(ValidRequests.ALL);
        byte[] bad = samples.chance(0.8) ? samples.oneOf(INVALID_UTF8) : bytes(samples.between(0x80, 0xFF));
        String hex = hex(bad);
        if (samples.chance(0.15)) {
            String document = template.document();
            int at = samples.between(0, document.length());
            return refused(Category.INVALID_UTF8, template.name() + ": application/graphql document with " + hex + " at " + at,
                    RawRequest.post(insert(document, at, bad)).header("Content-Type", "application/graphql")
                            .header("GraphQL-Require-Preflight", "1"));
        }
        String json = template.json();
        int at = samples.oneOf(JsonText.insideStrings(json));
        return refused(Category.INVALID_UTF8, template.name() + ": " + hex + " in a string at " + at,
                RawRequest.postJson(insert(json, at, bad)));
    }

    static MalformedRequest huge(Samples samples) {
        int size = samples.between(1_000_000, 1_900_000);
        String filler = "x".repeat(size);
        return switch (samples.between(0, 4)) {
            case 0 -> requestError(Category.HUGE, size + "-character document",
                    RawRequest.postJson(body("{ me { email } } #" + filler, null)));
            case 1 -> requestError(Category.HUGE, size + "-character operationName",
                    RawRequest.postJson(object(Map.of("query", ValidRequests.write(ValidRequests.ME.document()),
                            "operationName", "\"" + filler + "\""))));
            case 2 -> requestError(Category.HUGE, size + "-character string for an Int",
                    RawRequest.postJson(body(ValidRequests.KUDOS.document(), "{\"perPage\":\"" + filler + "\"}")));
            case 3 -> requestError(Category.HUGE, (size / 2) + "-element array for an ID",
                    RawRequest.postJson(body(ValidRequests.SITE.document(), "{\"id\":[" + "1,".repeat(size / 2) + "1]}")));
            default -> {
                int over = samples.between(2 * 1024 * 1024 + 1, 3 * 1024 * 1024);
                yield refused(Category.HUGE, over + "-byte body over the 2M limit",
                        RawRequest.postJson(body(ValidRequests.ME.document(), "{\"pad\":\"" + "x".repeat(over) + "\"}")));
            }
        };
    }

    static MalformedRequest emptyBody(Samples samples) {
        String whitespace = samples.string(" \t\r\n", 0, 40);
        String type = samples.oneOf(List.of("application/json", "application/json; charset=utf-8", "application/graphql"));
        RawRequest request = RawRequest.post(utf8(whitespace)).header("Content-Type", type);
        if (type.equals("application/graphql")) {
            request.header("GraphQL-Require-Preflight", "1");
        }
        if (whitespace.isEmpty() && samples.chance(0.5)) {
            request.contentLength(null);
        }
        return refused(Category.EMPTY_BODY, type + " with " + whitespace.length() + " whitespace characters", request);
    }

    /** The members of a template's body as raw JSON text. */
    static Map<String, String> members(Template template) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("query", ValidRequests.write(template.document()));
        if (!template.variables().isEmpty()) {
            members.put("variables", ValidRequests.write(template.variables()));
        }
        return members;
    }

    static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02X", b & 0xFF));
        }
        return hex.toString();
    }
}
