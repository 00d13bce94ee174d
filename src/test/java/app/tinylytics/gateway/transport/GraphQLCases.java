package app.tinylytics.gateway.transport;

import static app.tinylytics.gateway.transport.Cases.body;
import static app.tinylytics.gateway.transport.Cases.httpLayer;
import static app.tinylytics.gateway.transport.Cases.object;
import static app.tinylytics.gateway.transport.Cases.refused;
import static app.tinylytics.gateway.transport.Cases.requestError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.tinylytics.gateway.support.Samples;
import app.tinylytics.gateway.transport.MalformedRequest.Category;
import app.tinylytics.gateway.transport.ValidRequests.Template;

/**
 * Generated requests that are well-formed HTTP and JSON but wrong as GraphQL: documents that do not parse or
 * validate, operations that cannot be chosen or may not run over this transport, variables that do not fit, and
 * malformed GET parameters.
 */
final class GraphQLCases {

    /** Documents that parse but do not validate against the schema. */
    private static final List<String> INVALID_DOCUMENTS = List.of(
            "{ site { label } }",
            "{ site(id: 4.5) { label } }",
            "{ site(id: true) { label } }",
            "{ site(id: null) { label } }",
            "{ site(id: {a: 1}) { label } }",
            "{ site(id: [\"456\"]) { label } }",
            "{ site(id: \"456\") { hitGroups(groupBy: \"PATH\") { nodes { key } } } }",
            "{ site(id: \"456\") { hitGroups(groupBy: NOPE) { nodes { key } } } }",
            "{ site(id: \"456\") { hitGroups { nodes { key } } } }",
            "{ site(id: \"456\") { kudos(perPage: 1.5) { nodes { path } } } }",
            "{ site(id: \"456\") { kudos(perPage: true) { nodes { path } } } }",
            "mutation { giveKudo(siteId: \"456\") { status } }",
            "mutation { giveKudo(siteId: \"456\", kudo: {}) { status } }",
            "mutation { giveKudo(siteId: \"456\", kudo: {path: 5}) { status } }",
            "mutation { giveKudo(siteId: \"456\", kudo: {path: \"/x\", nope: 1}) { status } }",
            "mutation { giveKudo(siteId: \"456\", kudo: \"/x\") { status } }",
            "mutation { trackHits(siteId: \"456\", hits: [{path: \"/a\"}, 5]) { createdCount } }",
            "{ site(id: $nope) { label } }",
            "query ($x: Int) { me { email } }",
            "query ($id: ID!, $id: ID!) { site(id: $id) { label } }",
            "query ($id: String!) { site(id: $id) { label } }",
            "query ($id: Int) { site(id: $id) { label } }",
            "query ($x: Nope) { me { email } }",
            "query ($x: Site) { me { email } }",
            "{ ...F }",
            "{ me { email } } fragment F on Account { email }",
            "fragment F on Site { label } { me { ...F } }",
            "fragment A on Account { ...B } fragment B on Account { ...A } { me { ...A } }",
            "{ me @nope { email } }",
            "{ me @skip { email } }",
            "{ me @include(if: \"yes\") { email } }",
            "{ me }",
            "{ me { email { x } } }",
            "{ __typename(x: 1) }",
            "{ me { email(x: 1) } }",
            "{ me { ... on Site { label } } }",
            "{ sites { nope } }",
            "{ nope }",
            "query A { me { email } } query A { me { email } }",
            "mutation { nope }",
            "subscription { siteUpdates { label } }",
            "{ site(id: \"456\", id: \"457\") { label } }");
    private static final List<String> JUNK = List.of(" }", " {", " )", " (", " $", " @", " ...", " query", " !", " =", " |", " &",
            " :", " [", " \"", " \"\"\"", " #\n}", " 1", " on", " fragment");

    private GraphQLCases() {
    }

    /** A document that does not parse or does not validate. */
    static String brokenDocument(Samples samples) {
        Template template = samples.oneOf(ValidRequests.ALL);
        String document = template.document();
        String broken = switch (samples.between(0, 5)) {
            case 0 -> document.substring(0, samples.between(1, document.length() - 1));
            case 1 -> document + samples.oneOf(JUNK);
            case 2 -> samples.oneOf(INVALID_DOCUMENTS);
            case 3 -> unknownField(samples, document);
            case 4 -> nested(samples);
            default -> samples.oneOf(List.of("{ }", "# only a comment", "query { }", "{", "}", "query", "mutation", "{ me { email } ",
                    "{ me { email } } }", "query Q(", "query Q($) { me { email } }", "{ me { email } } {", "\"\"\"",
                    "{ me(: 1) { email } }", "{ 1 }", "{ me { email } } query"));
        };
        return samples.chance(0.3) ? "# " + samples.string("abcdefghij ", 0, 20) + "\n" + broken : broken;
    }

    static MalformedRequest document(Samples samples) {
        String document = brokenDocument(samples);
        if (samples.chance(0.1)) {
            return requestError(Category.DOCUMENT, "application/graphql: " + shorten(document),
                    RawRequest.post(Cases.utf8(document)).header("Content-Type", "application/graphql")
                            .header(samples.oneOf(List.of("GraphQL-Require-Preflight", "X-Requested-With")), "1"));
        }
        return requestError(Category.DOCUMENT, shorten(document), acceptingEither(samples, RawRequest.postJson(body(document, null))));
    }

    /** The request as a legacy client sends it (no Accept: application/json answers) or accepting the GraphQL type. */
    static RawRequest acceptingEither(Samples samples, RawRequest request) {
        return samples.chance(0.5) ? request : request.header("Accept", samples.oneOf(List.of("application/graphql-response+json",
                "application/graphql-response+json, application/json;q=0.9", "application/json")));
    }

    static MalformedRequest operation(Samples samples) {
        Template template = samples.oneOf(ValidRequests.ALL);
        switch (samples.between(0, 6)) {
            case 0 -> {
                String name = samples.chance(0.2) ? ""
                        : "Op" + samples.string("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_", 1, 20);
                Map<String, String> members = BodyCases.members(template);
                members.put("operationName", ValidRequests.write(name));
                return requestError(Category.OPERATION, template.name() + " with operationName '" + name + "'",
                        acceptingEither(samples, RawRequest.postJson(object(members))));
            }
            case 1 -> {
                int count = samples.between(2, 5);
                StringBuilder document = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    document.append(samples.chance(0.5) ? "query Q" + i + " { me { email } } "
                            : "mutation M" + i + " { giveKudo(siteId: \"456\", kudo: {path: \"/m" + i + "\"}) { status } } ");
                }
                return requestError(Category.OPERATION, count + " operations without operationName",
                        acceptingEither(samples, RawRequest.postJson(body(document.toString(), null))));
            }
            case 2, 3 -> {
                String subscription = "subscription " + samples.oneOf(List.of("", "S ", "Live ")) + "{ " + samples.oneOf(List.of("", "a: "))
                        + "siteUpdates(id: \"" + samples.between(1, 999) + "\"" + samples.oneOf(List.of("", ", everySeconds: 30"))
                        + ") { label } }";
                return samples.chance(0.5)
                        ? requestError(Category.OPERATION, "POST " + subscription, RawRequest.postJson(body(subscription, null)))
                        : requestError(Category.OPERATION, "GET " + subscription,
                                RawRequest.get(RawRequest.PATH + "?query=" + ValidRequests.encode(subscription)));
            }
            case 4, 5 -> {
                Template mutation = samples.oneOf(ValidRequests.MUTATIONS);
                boolean named = mutation.document().startsWith("mutation " + mutation.name());
                String extra = samples.oneOf(List.of("", named ? "&operationName=" + mutation.name() : "", "&x=" + samples.between(0, 99)));
                return refused(Category.OPERATION, "GET " + mutation.name() + extra, RawRequest.get(mutation.getTarget() + extra));
            }
            default -> {
                String document = template.document() + " fragment Frag on Account { email }";
                Map<String, String> members = BodyCases.members(template);
                members.put("query", ValidRequests.write(document));
                members.put("operationName", "\"Frag\"");
                return requestError(Category.OPERATION, template.name() + " with a fragment's name as operationName",
                        RawRequest.postJson(object(members)));
            }
        }
    }

    static MalformedRequest variables(Samples samples) {
        Template template = samples.oneOf(List.of(ValidRequests.SITE, ValidRequests.GROUPS, ValidRequests.KUDOS, ValidRequests.RANGE,
                ValidRequests.KUDO, ValidRequests.SIGNAL, ValidRequests.HITS));
        String variable = template.variables().keySet().iterator().next();
        String wrong = samples.oneOf(wrongValues(template));
        Map<String, String> variables = new LinkedHashMap<>();
        if (!wrong.equals("(missing)")) {
            variables.put(variable, wrong);
        }
        if (samples.chance(0.3)) {
            variables.put("extra" + samples.between(0, 99), JsonText.value(samples, samples.oneOf(List.of(JsonText.Kind.values())), 1));
        }
        String raw = object(variables);
        RawRequest request = samples.chance(0.15) && !template.isMutation()
                ? RawRequest.get(RawRequest.PATH + "?query=" + ValidRequests.encode(template.document())
                        + "&variables=" + ValidRequests.encode(raw))
                : RawRequest.postJson(body(template.document(), samples.chance(0.1) && variables.isEmpty() ? "null" : raw));
        String name = template.name() + " " + variable + " = " + shorten(wrong);
        if (wrong.contains("e400")) {
            return refused(Category.VARIABLES, name + " (beyond a 64-bit float: not even JSON the gateway reads)", request);
        }
        return requestError(Category.VARIABLES, name, acceptingEither(samples, request));
    }

    /** Values that do not fit the template's first variable, as JSON text; "(missing)" leaves it out. */
    private static List<String> wrongValues(Template template) {
        return switch (template.name()) {
            case "Site" -> List.of("(missing)", "null", "true", "false", "1.5", "-2.5", "1e400", "{}", "{\"id\":\"456\"}", "[]",
                    "[\"456\"]", "[[456]]");
            case "Groups" -> List.of("(missing)", "null", "\"path\"", "\"Path\"", "\"NOPE\"", "\"\"", "1", "true", "{}", "[\"PATH\"]",
                    "[[\"PATH\"]]");
            case "Kudos" -> List.of("\"5\"", "\"abc\"", "\"\"", "1.5", "2147483648", "-2147483649", "1e20", "1e400", "true", "{}", "[5]",
                    "\"0x10\"");
            case "Range" -> List.of("\"2026-13-45\"", "\"2026-02-30\"", "\"abc\"", "\"\"", "\"2026-1-1\"", "\"01/11/2026\"",
                    "\"2026-11-01T00:00:00Z\"", "20261101", "true", "{}", "[\"2026-11-01\"]", "\"+2026-11-01\"");
            case "Kudo" -> List.of("(missing)", "null", "{}", "{\"path\":null}", "{\"path\":5}", "{\"path\":[\"/x\"]}",
                    "{\"path\":\"/x\",\"nope\":1}", "{\"path\":\"/x\",\"customUid\":5}", "{\"path\":\"/x\",\"customUid\":{\"a\":1}}",
                    "\"x\"", "[\"/x\"]", "5", "true");
            case "Signal" -> List.of("{\"occurredAt\":\"nope\",\"title\":\"t\"}",
                    "{\"occurredAt\":\"2026-02-30T09:00:00Z\",\"title\":\"t\"}", "{\"occurredAt\":5,\"title\":\"t\"}",
                    "{\"title\":\"t\"}", "{\"occurredAt\":\"2026-02-12T09:00:00Z\"}",
                    "{\"occurredAt\":\"2026-02-12T09:00:00Z\",\"title\":5}",
                    "{\"occurredAt\":\"2026-02-12T09:00:00Z\",\"title\":\"t\",\"category\":\"NOPE\"}",
                    "{\"occurredAt\":\"2026-02-12T09:00:00Z\",\"title\":\"t\",\"category\":\"newsletter\"}",
                    "{\"occurredAt\":\"2026-02-12T09:00:00Z\",\"title\":\"t\",\"description\":{}}",
                    "{\"occurredAt\":\"yesterday\",\"title\":\"t\"}", "{\"occurredAt\":true,\"title\":\"t\"}");
            case "Hits" -> List.of("(missing)", "null", "[null]", "[5]", "[\"x\"]", "[{}]", "[{\"path\":5}]",
                    "[{\"path\":\"/a\",\"nope\":1}]", "[[{\"path\":\"/a\"}]]", "\"x\"", "5", "true", "[{\"path\":\"/a\",\"country\":1}]");
            default -> throw new IllegalArgumentException(template.name());
        };
    }

    static MalformedRequest getParameters(Samples samples) {
        Template template = samples.oneOf(ValidRequests.QUERIES);
        String query = "query=" + ValidRequests.encode(template.document());
        String extra = samples.chance(0.3) ? "&foo=" + samples.between(0, 999) : "";
        switch (samples.between(0, 6)) {
            case 0 -> {
                String variables = samples.oneOf(List.of("{", "x", "{'id':'456'}", "[1]", "1", "\"x\"", "true", "[]",
                        "{\"id\":\"456\",\"id\":\"457\"}", JsonText.nested(samples, samples.between(70, 300), "1"), "{\"id\":}", "{}x"));
                return refused(Category.GET_PARAMETERS, "GET " + template.name() + " variables=" + shorten(variables),
                        RawRequest.get(RawRequest.PATH + "?" + query + "&variables=" + ValidRequests.encode(variables) + extra));
            }
            case 1 -> {
                String extensions = samples.oneOf(List.of("[1]", "1", "\"x\"", "true", "{", "[]"));
                return refused(Category.GET_PARAMETERS, "GET " + template.name() + " extensions=" + extensions,
                        RawRequest.get(template.getTarget() + "&extensions=" + ValidRequests.encode(extensions) + extra));
            }
            case 2 -> {
                String repeated = samples.oneOf(List.of(query, "QUERY=%7B%7D", "operationName=" + template.name(), "variables=%7B%7D"));
                return refused(Category.GET_PARAMETERS, "GET " + template.name() + " with " + repeated.split("=")[0] + " twice",
                        RawRequest.get(RawRequest.PATH + "?" + query + "&" + repeated + "&" + repeated + extra));
            }
            case 3 -> {
                String without = samples.oneOf(List.of("", "query=", "query=%20%20", "operationName=" + template.name(),
                        "variables=%7B%7D"));
                String parameters = (without + extra).replaceFirst("^&", "");
                return refused(Category.GET_PARAMETERS, "GET without a query: '" + parameters + "'",
                        RawRequest.get(RawRequest.PATH + (parameters.isEmpty() ? "" : "?" + parameters)));
            }
            case 4 -> {
                String bad = samples.oneOf(List.of("%C0%AF", "%FF", "%ED%A0%80", "%80", "%F5%80%80%80", "%C3", "%E2%82", "%F4%90%80%80"));
                String target = switch (samples.between(0, 2)) {
                    case 0 -> RawRequest.PATH + "?query=" + ValidRequests.encode(template.document()).replaceFirst("%7D", bad + "%7D");
                    case 1 -> template.getTarget() + "&operationName=" + bad;
                    default -> RawRequest.PATH + "?query=" + ValidRequests.encode(ValidRequests.SITE.document())
                            + "&variables=" + ValidRequests.encode("{\"id\":\"456").replace("456", "45" + bad + "6") + "%22%7D";
                };
                return refused(Category.GET_PARAMETERS, "GET with " + bad + " (not UTF-8)", RawRequest.get(target + extra));
            }
            case 5 -> {
                String document = brokenDocument(samples);
                RawRequest request = acceptingEither(samples,
                        RawRequest.get(RawRequest.PATH + "?query=" + ValidRequests.encode(document) + extra));
                if (request.requestLineLength() > HttpCases.VERTX_LINE_LIMIT) {
                    return httpLayer(Category.GET_PARAMETERS, "GET beyond Vert.x's line limit: " + shorten(document), request);
                }
                if (request.requestLineLength() > HttpCases.GATEWAY_LINE_LIMIT) {
                    return refused(Category.GET_PARAMETERS, "GET beyond the gateway's line limit: " + shorten(document), request);
                }
                return requestError(Category.GET_PARAMETERS, "GET " + shorten(document), request);
            }
            default -> {
                String bad = samples.oneOf(List.of("%zz", "%", "%4", "%G1", "%%"));
                return httpLayer(Category.GET_PARAMETERS, "GET with a broken escape " + bad,
                        RawRequest.get(template.getTarget() + "&x=" + bad + extra));
            }
        }
    }

    private static String unknownField(Samples samples, String document) {
        String field = "zz" + samples.string("abcdefghijklmnopqrstuvwxyz", 1, 8);
        for (String leaf : List.of("email", "label", "status", "key", "path", "id", "createdCount")) {
            int at = document.indexOf(" " + leaf + " ");
            if (at >= 0) {
                return document.substring(0, at + 1) + field + document.substring(at + 1 + leaf.length());
            }
        }
        return "{ " + field + " }";
    }

    private static String nested(Samples samples) {
        int depth = samples.chance(0.6) ? samples.between(16, 400) : samples.between(600, 5000);
        return "{ zz ".repeat(depth) + "{ a }" + " }".repeat(depth);
    }

    private static String shorten(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }
}
