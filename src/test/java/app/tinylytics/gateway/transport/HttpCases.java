package app.tinylytics.gateway.transport;

import static app.tinylytics.gateway.transport.Cases.chunked;
import static app.tinylytics.gateway.transport.Cases.httpLayer;
import static app.tinylytics.gateway.transport.Cases.refused;
import static app.tinylytics.gateway.transport.Cases.requestError;
import static app.tinylytics.gateway.transport.Cases.utf8;

import java.nio.charset.StandardCharsets;
import java.util.List;

import app.tinylytics.gateway.support.Samples;
import app.tinylytics.gateway.transport.MalformedRequest.Category;
import app.tinylytics.gateway.transport.ValidRequests.Template;

/**
 * Generated requests whose HTTP is wrong while their GraphQL would run: methods, media types, encodings, Accept,
 * header sizes, framing. Each carries a body that executes and calls upstream if it ever got through.
 */
final class HttpCases {

    /** The header limit the README states for the gateway (bytes of name, ": " and value over all header lines). */
    static final int GATEWAY_HEADER_LIMIT = 20 * 1024;
    /** Vert.x's limit ({@code quarkus.http.limits.max-header-size}), above which it answers a bare 431 itself. */
    static final int VERTX_HEADER_LIMIT = 64 * 1024;
    /** The request-line limit the README states for the gateway. */
    static final int GATEWAY_LINE_LIMIT = 4096;
    /** Vert.x's limit ({@code quarkus.http.limits.max-initial-line-length}), above which it answers a bare 414. */
    static final int VERTX_LINE_LIMIT = 16 * 1024;
    /** Generated sizes keep this far from a limit: the boundaries themselves are tested exactly elsewhere. */
    private static final int MARGIN = 64;

    private static final List<String> METHODS = List.of("PUT", "DELETE", "PATCH", "HEAD", "TRACE", "CONNECT", "PROPFIND",
            "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "LINK", "UNLINK", "PURGE", "QUERY", "SEARCH", "REPORT", "get", "post",
            "Post", "GETS", "POSTS");

    private HttpCases() {
    }

    static MalformedRequest method(Samples samples) {
        Template template = samples.oneOf(ValidRequests.ALL);
        String method = samples.chance(0.8) ? samples.oneOf(METHODS) : samples.string("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 3, 10);
        if (method.equals("GET") || method.equals("POST") || method.equals("OPTIONS")) {
            method = "X" + method;
        }
        byte[] body = samples.chance(0.8) ? utf8(template.json()) : null;
        RawRequest request = RawRequest.method(method, body);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return refused(Category.METHOD, method + " " + template.name() + (body == null ? " without a body" : ""), request);
    }

    static MalformedRequest mediaType(Samples samples) {
        Template template = samples.oneOf(ValidRequests.ALL);
        RawRequest request = RawRequest.post(utf8(template.json()));
        String type;
        if (samples.chance(0.1)) {
            type = "(none)";
        } else if (samples.chance(0.15)) {
            type = "application/json + text/plain";
            request.header("Content-Type", "application/json").header("Content-Type", samples.oneOf(List.of("text/plain",
                    "application/x-www-form-urlencoded", "application/graphql")));
        } else {
            type = samples.oneOf(List.of("text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=xyz", "application/graphql", "application/xml", "text/json", "application/jsonx",
                    "application/json-patch+json", "application/ld+json", "json", "application/", "/json", "*/*", "application/*",
                    ";;;", "", "application/json, text/plain", "text/plain, application/json", "application json",
                    "application/graphql-response+json", "text/html"));
            if (samples.chance(0.5)) {
                type = samples.chance(0.5) ? type.toUpperCase() : type + samples.oneOf(List.of("; version=2", "; q=1", "; x=\"a,b\""));
            }
            request.header("Content-Type", type);
        }
        return refused(Category.MEDIA_TYPE, "Content-Type " + type + " for " + template.name(), request);
    }

    static MalformedRequest encoding(Samples samples) {
        Template template = samples.oneOf(ValidRequests.ALL);
        byte[] body = utf8(template.json());
        switch (samples.between(0, 3)) {
            case 0 -> {
                String encoding = samples.chance(0.8) ? samples.oneOf(List.of("gzip", "br", "deflate", "compress", "zstd", "x-gzip",
                        "x-foo", "gzip, identity", "identity, gzip", "GZIP", "*", "identity;q=0", "gzip;q=1"))
                        : samples.string("abcdefghijklmnopqrstuvwxyz-", 2, 12);
                return refused(Category.ENCODING, "Content-Encoding " + encoding + " for " + template.name(),
                        RawRequest.postJson(body).header("Content-Encoding", encoding));
            }
            case 1 -> {
                String second = samples.oneOf(List.of("gzip", "br", "deflate", "x-foo"));
                String first = samples.oneOf(List.of("identity", "Identity", " identity "));
                return refused(Category.ENCODING, "Content-Encoding " + first.strip() + " then " + second + " for " + template.name(),
                        RawRequest.postJson(body).header("Content-Encoding", first).header("Content-Encoding", second));
            }
            case 2 -> {
                String charset = samples.chance(0.85) ? samples.oneOf(List.of("iso-8859-1", "latin1", "utf-16", "utf-16le", "utf-16be",
                        "utf-32", "windows-1252", "us-ascii", "ascii", "utf8", "utf-7", "\"utf-16\"", "shift_jis", "koi8-r", "ucs-2", ""))
                        : samples.string("abcdefghijklmnopqrstuvwxyz0123456789-", 1, 12);
                return refused(Category.ENCODING, "charset " + charset + " for " + template.name(),
                        RawRequest.post(body).header("Content-Type", "application/json; charset=" + charset));
            }
            default -> {
                String coding = samples.oneOf(List.of("gzip, chunked", "deflate, chunked", "x-foo, chunked", "chunked, gzip",
                        "foo", "identity", "gzip", "compress"));
                boolean chunkedLast = coding.endsWith("chunked") || coding.startsWith("chunked");
                RawRequest request = RawRequest.post(chunkedLast ? chunked(body) : body).header("Content-Type", "application/json")
                        .header("Transfer-Encoding", coding);
                if (chunkedLast) {
                    request.contentLength(null);
                }
                return refused(Category.ENCODING, "Transfer-Encoding " + coding + " for " + template.name(), request);
            }
        }
    }

    static MalformedRequest accept(Samples samples) {
        Template template = samples.oneOf(ValidRequests.ALL);
        if (samples.chance(0.6)) {
            String accept = samples.oneOf(List.of("text/html", "image/png", "application/xml", "text/*", "application/json;q=0",
                    "application/graphql-response+json;q=0, application/json;q=0", "*/*;q=0", "application/json;q=abc",
                    "text/html, application/xhtml+xml", "application/graphql", "application/jsonl", "*/*;q=1.5",
                    "application/json;q=-1", "text/event-stream", "multipart/mixed"));
            if (samples.chance(0.4)) {
                accept = accept + ", " + samples.oneOf(List.of("image/webp", "text/plain;q=0.9", "application/json;q=0", "*/*;q=0"));
            }
            return refused(Category.ACCEPT, "Accept " + accept + " for " + template.name(),
                    RawRequest.postJson(template.json()).header("Accept", accept));
        }
        String accept = samples.oneOf(List.of("*/*", "application/*", ";;;", ",,,", "application/json;q=0.1, */*;q=0.2",
                "application/graphql-response+json;q=0.5, application/json;q=0.6", "text/html, */*;q=0.1", "APPLICATION/JSON",
                "application/json, application/json", "Application/GraphQL-Response+JSON", "*/*; charset=\"a,b\""));
        String document = GraphQLCases.brokenDocument(samples);
        return requestError(Category.ACCEPT, "Accept " + accept + " with a broken document",
                RawRequest.postJson(Cases.body(document, null)).header("Accept", accept));
    }

    static MalformedRequest headers(Samples samples) {
        Template template = samples.oneOf(ValidRequests.ALL);
        switch (samples.between(0, 4)) {
            case 0, 1 -> {
                boolean beyondVertx = samples.chance(0.35);
                RawRequest request = RawRequest.postJson(template.json());
                int target = beyondVertx ? samples.between(VERTX_HEADER_LIMIT + MARGIN, 200_000)
                        : samples.between(GATEWAY_HEADER_LIMIT + MARGIN, VERTX_HEADER_LIMIT - MARGIN);
                String name = samples.oneOf(List.of("X-Pad", "Cookie", "User-Agent", "Authorization-Extra", "Referer"));
                request.header(name, "a".repeat(Math.max(1, target - request.headerSectionSize() - name.length() - 2)));
                return beyondVertx
                        ? httpLayer(Category.HEADERS, request.headerSectionSize() + " bytes of headers (one " + name + ")", request)
                        : refused(Category.HEADERS, request.headerSectionSize() + " bytes of headers (one " + name + ")", request);
            }
            case 2 -> {
                int count = samples.between(100, 5000);
                int valueLength = samples.between(1, 30);
                RawRequest request = RawRequest.postJson(Cases.body(GraphQLCases.brokenDocument(samples), null));
                for (int i = 0; i < count; i++) {
                    request.header("X-H" + i, "v".repeat(valueLength));
                }
                int size = request.headerSectionSize();
                String name = count + " headers, " + size + " bytes";
                if (size <= GATEWAY_HEADER_LIMIT - MARGIN) {
                    return requestError(Category.HEADERS, name + ", with a broken document", request);
                }
                if (size >= GATEWAY_HEADER_LIMIT + MARGIN && size <= VERTX_HEADER_LIMIT - MARGIN) {
                    return refused(Category.HEADERS, name, request);
                }
                return size >= VERTX_HEADER_LIMIT + MARGIN ? httpLayer(Category.HEADERS, name, request) : null;
            }
            case 3 -> {
                boolean beyondVertx = samples.chance(0.35);
                int length = beyondVertx ? samples.between(VERTX_LINE_LIMIT + MARGIN, 40_000)
                        : samples.between(GATEWAY_LINE_LIMIT + MARGIN, VERTX_LINE_LIMIT - MARGIN);
                String target = ValidRequests.ME.getTarget() + "&pad=";
                RawRequest request = RawRequest.get(target + "a".repeat(length - ("GET  HTTP/1.1".length() + target.length())));
                String name = "GET request line of " + request.requestLineLength() + " characters";
                return beyondVertx ? httpLayer(Category.HEADERS, name, request) : refused(Category.HEADERS, name, request);
            }
            default -> {
                byte[] value = new byte[samples.between(1, 40)];
                for (int i = 0; i < value.length; i++) {
                    value[i] = (byte) samples.between(0x80, 0xFF);
                }
                return requestError(Category.HEADERS, "obs-text header value of " + value.length + " bytes, with a broken document",
                        RawRequest.postJson(Cases.body(GraphQLCases.brokenDocument(samples), null)).header("X-Odd", value));
            }
        }
    }

    static MalformedRequest framing(Samples samples) {
        Template template = samples.oneOf(ValidRequests.ALL);
        byte[] body = utf8(template.json());
        String name = template.name() + ": ";
        return switch (samples.between(0, 8)) {
            case 0 -> {
                String length = samples.oneOf(List.of("abc", "-1", "1.5", "0x10", "5 5", "99999999999999999999", "1e3", "",
                        body.length + "a", "-" + body.length));
                yield httpLayer(Category.HTTP_FRAMING, name + "Content-Length '" + length + "'",
                        RawRequest.postJson(body).contentLength(length));
            }
            case 1 -> httpLayer(Category.HTTP_FRAMING, name + "two different Content-Lengths",
                    RawRequest.postJson(body).header("Content-Length", String.valueOf(samples.between(1, body.length - 1))));
            case 2 -> httpLayer(Category.HTTP_FRAMING, name + "Content-Length and Transfer-Encoding: chunked",
                    RawRequest.post(chunked(body)).header("Content-Type", "application/json").header("Transfer-Encoding", "chunked")
                            .contentLength(String.valueOf(samples.between(1, body.length))));
            case 3 -> {
                String size = samples.oneOf(List.of("zz", "-1", "g", "fffffffffffffffffff", "1 2", "0x10"));
                byte[] framed = (size + "\r\n" + template.json() + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
                yield httpLayer(Category.HTTP_FRAMING, name + "chunk size '" + size + "'",
                        RawRequest.post(framed).header("Content-Type", "application/json").header("Transfer-Encoding", "chunked")
                                .contentLength(null).halfClose());
            }
            case 4 -> {
                String line = samples.oneOf(List.of("NoColon", "Bad Header: x", "X-A : x", "X-A: a\u0000b", "X\u0001A: x",
                        "X-A:\rb", "X(A): x", "X-A\u007F: x"));
                yield httpLayer(Category.HTTP_FRAMING, name + "header line " + line.replaceAll("\\p{Cntrl}", "?"),
                        RawRequest.verbatim("POST", concat(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                                + "Content-Type: application/json\r\n" + line + "\r\nContent-Length: " + body.length + "\r\n\r\n"), body)));
            }
            case 5 -> httpLayer(Category.HTTP_FRAMING, name + "bare LF line endings",
                    RawRequest.verbatim("POST", concat("POST /graphql HTTP/1.1\nHost: localhost\nConnection: close\n"
                            + "Content-Type: application/json\nContent-Length: " + body.length + "\n\n", body)));
            case 6 -> {
                String version = samples.oneOf(List.of("HTTP/1.1.1", "HTTP/1", "FOO", "HTTP/", "HTTP/1.1 x", "HTTP/x.y", "HTTP/11"));
                yield httpLayer(Category.HTTP_FRAMING, name + "version " + version,
                        RawRequest.verbatim("POST", concat("POST /graphql " + version + "\r\nHost: localhost\r\nConnection: close\r\n"
                                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n", body)));
            }
            case 7 -> {
                String target = samples.oneOf(List.of("/graphql x", "/graph ql", "/graphql?query=a b", "/graphql\u0001",
                        "/graphql?\u007F", "/graphql?\u0000"));
                yield httpLayer(Category.HTTP_FRAMING, name + "target with a space or control character",
                        RawRequest.verbatim("POST", concat("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n", body)));
            }
            default -> {
                int cut = samples.between(1, body.length - 1);
                if (samples.chance(0.5)) {
                    yield refused(Category.HTTP_FRAMING, name + "Content-Length " + cut + " shorter than the body",
                            RawRequest.postJson(body).contentLength(String.valueOf(cut)));
                }
                yield httpLayer(Category.HTTP_FRAMING, name + "Content-Length longer than the body, then silence",
                        RawRequest.postJson(body).contentLength(String.valueOf(body.length + samples.between(1, 1000))).halfClose());
            }
        };
    }

    private static byte[] concat(String head, byte[] body) {
        byte[] start = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }
}
