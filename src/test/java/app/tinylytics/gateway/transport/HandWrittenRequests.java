package app.tinylytics.gateway.transport;

import static app.tinylytics.gateway.transport.Cases.body;
import static app.tinylytics.gateway.transport.Cases.bytes;
import static app.tinylytics.gateway.transport.Cases.chunked;
import static app.tinylytics.gateway.transport.Cases.httpLayer;
import static app.tinylytics.gateway.transport.Cases.insert;
import static app.tinylytics.gateway.transport.Cases.refused;
import static app.tinylytics.gateway.transport.Cases.requestError;
import static app.tinylytics.gateway.transport.Cases.utf8;

import java.util.ArrayList;
import java.util.List;

import app.tinylytics.gateway.transport.MalformedRequest.Category;
import app.tinylytics.gateway.transport.ValidRequests.Template;

/** The suite's hand-written edge cases: each one named for what it tries, in the categories of the generated ones. */
final class HandWrittenRequests {

    private static final Template ME = ValidRequests.ME;
    private static final String ME_QUERY = ValidRequests.write(ME.document());
    private static final String NAMED_A = "{\"query\":\"query A { me { email } }\",\"operationName\":\"A\"}";

    private HandWrittenRequests() {
    }

    static List<MalformedRequest> all() {
        List<MalformedRequest> cases = new ArrayList<>();
        for (String variables : List.of("\"{}\"", "\"\"", "[]", "[1]", "5", "1.5", "true", "false")) {
            cases.add(refused(Category.BODY_SHAPE, "variables " + variables, withMember("variables", variables)));
        }
        for (String extensions : List.of("\"{}\"", "[]", "[1]", "5", "true")) {
            cases.add(refused(Category.BODY_SHAPE, "extensions " + extensions, withMember("extensions", extensions)));
        }
        for (String name : List.of("5", "{}", "{\"name\":\"Me\"}", "[]", "[\"Me\"]", "true")) {
            cases.add(refused(Category.BODY_SHAPE, "operationName " + name, withMember("operationName", name)));
        }
        for (String query : List.of("5", "{}", "[\"{ me { email } }\"]", "true", "null", "\"\"")) {
            cases.add(refused(Category.BODY_SHAPE, "query " + query, json("{\"query\":" + query + "}")));
        }
        for (String whole : List.of("null", "[]", "\"x\"", "{}", "5", "true", "[" + ValidRequests.ME.json() + "]")) {
            cases.add(refused(Category.BODY_SHAPE, "body " + whole, json(whole)));
        }
        cases.add(refused(Category.EMPTY_BODY, "empty body", json("")));
        cases.add(refused(Category.EMPTY_BODY, "no body and no Content-Length",
                RawRequest.post(null).header("Content-Type", "application/json")));
        cases.add(refused(Category.INVALID_UTF8, "overlong '/' (C0 AF) in operationName",
                RawRequest.postJson(insert(NAMED_A, NAMED_A.indexOf("\"A\"}") + 1, bytes(0xC0, 0xAF)))));
        cases.add(refused(Category.INVALID_UTF8, "FF inside the document",
                RawRequest.postJson(insert(ME.json(), 15, bytes(0xFF)))));
        cases.add(refused(Category.INVALID_UTF8, "encoded surrogate (ED A0 80) in a variable",
                RawRequest.postJson(insert(ValidRequests.SITE.json(), ValidRequests.SITE.json().indexOf("456"), bytes(0xED, 0xA0, 0x80)))));
        String kudo = ValidRequests.GIVE_KUDO.json();
        cases.add(refused(Category.INVALID_UTF8, "beyond U+10FFFF (F4 90 80 80) in a mutation's path argument",
                RawRequest.postJson(insert(kudo, kudo.indexOf("/pricing") + 1, bytes(0xF4, 0x90, 0x80, 0x80)))));
        cases.add(refused(Category.INVALID_UTF8, "F5 lead byte in a mutation's path argument",
                RawRequest.postJson(insert(kudo, kudo.indexOf("/pricing") + 1, bytes(0xF5, 0x80, 0x80, 0x80)))));
        cases.add(refused(Category.DEEP_JSON, "variables nested 10,000 deep",
                json(body(ME.document(), "{\"deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"))));
        cases.add(refused(Category.DEEP_JSON, "body nested 10,000 deep", json("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))));
        String big = "x".repeat(1_900_000);
        cases.add(requestError(Category.HUGE, "a 1.9 MB document", json(body("{ me { email } } #" + big, null))));
        cases.add(requestError(Category.HUGE, "a 1.9 MB string for an Int variable", json(body(ValidRequests.KUDOS.document(),
                "{\"perPage\":\"" + big + "\"}"))));
        cases.add(refused(Category.HUGE, "a 2.5 MB body", json(body(ME.document(), "{\"pad\":\"" + "x".repeat(2_500_000) + "\"}"))));
        cases.add(refused(Category.DUPLICATE_KEYS, "duplicate query keys",
                json("{\"query\":\"{ __typename }\",\"query\":" + ME_QUERY + "}")));
        cases.add(refused(Category.DUPLICATE_KEYS, "duplicate keys in an input object",
                json(body(ValidRequests.KUDO.document(), "{\"kudo\":{\"path\":\"/a\",\"path\":\"/b\"}}"))));
        cases.add(refused(Category.JSON_SYNTAX, "trailing garbage after the JSON", json(ME.json() + " garbage")));
        cases.add(refused(Category.JSON_SYNTAX, "two JSON objects", json(ME.json() + ME.json())));
        cases.add(requestError(Category.JSON_SYNTAX, "a BOM before a body whose document does not parse",
                RawRequest.postJson(insert(body("{ me { ", null), 0, bytes(0xEF, 0xBB, 0xBF)))));
        cases.add(refused(Category.JSON_SYNTAX, "a number beyond a 64-bit float in an unused variable",
                json(body(ME.document(), "{\"x\":1e400}"))));
        cases.add(refused(Category.JSON_SYNTAX, "a negative number beyond a 64-bit float in the extensions",
                json("{\"query\":" + ME_QUERY + ",\"extensions\":{\"x\":-1e400}}")));
        cases.add(requestError(Category.VARIABLES, "missing non-null ID", json(body(ValidRequests.SITE.document(), "{}"))));
        cases.add(requestError(Category.VARIABLES, "variables null for a non-null ID", json(body(ValidRequests.SITE.document(), "null"))));
        cases.add(requestError(Category.VARIABLES, "an object for an ID", json(body(ValidRequests.SITE.document(), "{\"id\":{\"a\":1}}"))));
        cases.add(requestError(Category.VARIABLES, "a float for an ID", json(body(ValidRequests.SITE.document(), "{\"id\":4.5}"))));
        String kudos = ValidRequests.KUDOS.document();
        cases.add(requestError(Category.VARIABLES, "a numeric string for an Int", json(body(kudos, "{\"perPage\":\"5\"}"))));
        cases.add(requestError(Category.VARIABLES, "a word for an Int", json(body(kudos, "{\"perPage\":\"abc\"}"))));
        cases.add(requestError(Category.VARIABLES, "a fraction for an Int", json(body(kudos, "{\"perPage\":1.5}"))));
        cases.add(requestError(Category.VARIABLES, "an Int beyond 32 bits", json(body(kudos, "{\"perPage\":2147483648}"))));
        cases.add(requestError(Category.VARIABLES, "a lower-case enum value",
                json(body(ValidRequests.GROUPS.document(), "{\"groupBy\":\"path\"}"))));
        cases.add(requestError(Category.VARIABLES, "a number for an input object's String", json(body(ValidRequests.KUDO.document(),
                "{\"kudo\":{\"path\":5}}"))));
        cases.add(requestError(Category.VARIABLES, "an unknown field in an input object", json(body(ValidRequests.KUDO.document(),
                "{\"kudo\":{\"path\":\"/a\",\"nope\":1}}"))));
        cases.add(requestError(Category.VARIABLES, "not a date", json(body(ValidRequests.RANGE.document(), "{\"start\":\"2026-13-45\"}"))));
        cases.add(requestError(Category.VARIABLES, "not a date-time in an input object", json(body(ValidRequests.SIGNAL.document(),
                "{\"signal\":{\"occurredAt\":\"nope\",\"title\":\"t\"}}"))));
        for (String encoding : List.of("gzip", "br", "x-foo")) {
            cases.add(refused(Category.ENCODING, "Content-Encoding " + encoding,
                    RawRequest.postJson(ME.json()).header("Content-Encoding", encoding)));
        }
        cases.add(refused(Category.ENCODING, "Content-Encoding identity, then a second Content-Encoding gzip",
                RawRequest.postJson(ME.json()).header("Content-Encoding", "identity").header("Content-Encoding", "gzip")));
        cases.add(refused(Category.ENCODING, "Transfer-Encoding gzip, chunked (the body is not gzip)",
                RawRequest.post(chunked(utf8(ME.json()))).header("Content-Type", "application/json")
                        .header("Transfer-Encoding", "gzip, chunked").contentLength(null)));
        cases.add(refused(Category.ENCODING, "Transfer-Encoding foo with a Content-Length",
                RawRequest.postJson(ME.json()).header("Transfer-Encoding", "foo")));
        for (String charset : List.of("iso-8859-1", "utf-16", "us-ascii")) {
            cases.add(refused(Category.ENCODING, "charset " + charset,
                    RawRequest.post(utf8(ME.json())).header("Content-Type", "application/json; charset=" + charset)));
        }
        cases.add(refused(Category.MEDIA_TYPE, "Content-Type list of conflicting types",
                RawRequest.post(utf8(ME.json())).header("Content-Type", "application/json, text/plain")));
        cases.add(refused(Category.MEDIA_TYPE, "two Content-Type headers of different types",
                RawRequest.post(utf8(ME.json())).header("Content-Type", "application/json").header("Content-Type", "text/plain")));
        cases.add(refused(Category.MEDIA_TYPE, "application/graphql without a preflight header",
                RawRequest.post(utf8(ME.document())).header("Content-Type", "application/graphql")));
        for (String accept : List.of("text/html", "*/*;q=0", "application/json;q=0, application/graphql-response+json;q=0", "image/*")) {
            cases.add(refused(Category.ACCEPT, "Accept " + accept, RawRequest.postJson(ME.json()).header("Accept", accept)));
        }
        cases.add(requestError(Category.ACCEPT, "Accept: unparseable entries only, with a document that does not parse",
                RawRequest.postJson(body("{ me { ", null)).header("Accept", ";;, /, x/")));
        for (String method : List.of("PUT", "DELETE", "PATCH", "HEAD", "TRACE", "FOO", "BREW")) {
            cases.add(refused(Category.METHOD, method,
                    RawRequest.method(method, utf8(ME.json())).header("Content-Type", "application/json")));
        }
        cases.add(refused(Category.HEADERS, "one header value making 20 KiB + 1 of headers",
                headersOf(HttpCases.GATEWAY_HEADER_LIMIT + 1)));
        cases.add(refused(Category.HEADERS, "headers of 64 KiB exactly", headersOf(HttpCases.VERTX_HEADER_LIMIT)));
        cases.add(httpLayer(Category.HEADERS, "headers of 64 KiB + 1 (Vert.x's own limit)", headersOf(HttpCases.VERTX_HEADER_LIMIT + 1)));
        RawRequest many = RawRequest.postJson(ME.json());
        for (int i = 0; i < 3000; i++) {
            many.header("X-Many-" + i, "v");
        }
        cases.add(refused(Category.HEADERS, "3000 headers", many));
        cases.add(refused(Category.HEADERS, "a GET request line of 4097 characters", requestLineOf(HttpCases.GATEWAY_LINE_LIMIT + 1)));
        cases.add(httpLayer(Category.HEADERS, "a GET request line of 16 KiB + 1 (Vert.x's own limit)",
                requestLineOf(HttpCases.VERTX_LINE_LIMIT + 1)));
        for (Template mutation : ValidRequests.MUTATIONS) {
            cases.add(refused(Category.OPERATION, "mutation " + mutation.name() + " over GET", RawRequest.get(mutation.getTarget())));
        }
        String subscription = "subscription { siteUpdates(id: \"456\") { label } }";
        cases.add(requestError(Category.OPERATION, "subscription over POST", json(body(subscription, null))));
        cases.add(requestError(Category.OPERATION, "subscription over GET",
                RawRequest.get(RawRequest.PATH + "?query=" + ValidRequests.encode(subscription))));
        cases.add(requestError(Category.DOCUMENT, "a document that does not parse", json(body("{ me { email }", null))));
        cases.add(requestError(Category.DOCUMENT, "a document that does not validate", json(body("{ me { nope } }", null))));
        cases.add(requestError(Category.DOCUMENT, "a document nested 10,000 deep",
                json(body("{ me ".repeat(10_000) + "}".repeat(10_000), null))));
        cases.add(requestError(Category.OPERATION, "an unknown operationName",
                json("{\"query\":\"query A { me { email } }\",\"operationName\":\"B\"}")));
        cases.add(requestError(Category.OPERATION, "two operations without operationName",
                json(body("query A { me { email } } query B { sites { id } }", null))));
        cases.add(refused(Category.GET_PARAMETERS, "GET with an overlong '/' (%C0%AF) in the document",
                RawRequest.get(RawRequest.PATH + "?query=" + ValidRequests.encode("{ me { email } }").replace("email", "em%C0%AFail"))));
        cases.add(refused(Category.GET_PARAMETERS, "GET with %FF in a variable",
                RawRequest.get(ValidRequests.SITE.getTarget().replace("456", "45%FF6"))));
        cases.add(httpLayer(Category.HTTP_FRAMING, "Content-Length and Transfer-Encoding: chunked",
                RawRequest.post(chunked(utf8(ME.json()))).header("Content-Type", "application/json")
                        .header("Transfer-Encoding", "chunked")));
        cases.add(refused(Category.HTTP_FRAMING, "Content-Length shorter than the body",
                RawRequest.postJson(ME.json()).contentLength("10")));
        cases.add(httpLayer(Category.HTTP_FRAMING, "Content-Length longer than the body, then silence",
                RawRequest.postJson(ME.json()).contentLength("500").halfClose()));
        return cases;
    }

    private static RawRequest json(String body) {
        return RawRequest.postJson(body);
    }

    /** {@link ValidRequests#ME} with one more member given as raw JSON text. */
    private static RawRequest withMember(String name, String rawValue) {
        return json("{\"query\":" + ME_QUERY + ",\"" + name + "\":" + rawValue + "}");
    }

    /** A request carrying {@link ValidRequests#ME} whose header section is exactly {@code size} bytes. */
    static RawRequest headersOf(int size) {
        RawRequest request = RawRequest.postJson(ME.json());
        int value = size - request.headerSectionSize() - "X-Pad: ".length();
        return request.header("X-Pad", "a".repeat(value));
    }

    /** A GET of {@link ValidRequests#ME} whose request line is exactly {@code length} characters. */
    static RawRequest requestLineOf(int length) {
        String target = ME.getTarget() + "&pad=";
        return RawRequest.get(target + "a".repeat(length - "GET  HTTP/1.1".length() - target.length()));
    }
}
