package app.tinylytics.gateway.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/1.1 request written byte by byte, so a test can send what no well-behaved client would: any method,
 * repeated or odd headers, bytes that are not UTF-8, a {@code Content-Length} that lies, or no valid framing at all.
 */
public final class RawRequest {

    /** Where GraphQL is served. */
    static final String PATH = "/graphql";

    private final String method;
    private final String target;
    private final List<byte[]> headerLines = new ArrayList<>();
    private final byte[] body;
    private String contentLength;
    private byte[] verbatim;
    private boolean halfClose;

    private RawRequest(String method, String target, byte[] body) {
        this.method = method;
        this.target = target;
        this.body = body;
        this.contentLength = body == null ? null : String.valueOf(body.length);
    }

    /** {@code POST /graphql} with {@code Content-Type: application/json} and this body. */
    public static RawRequest postJson(String json) {
        return postJson(json.getBytes(StandardCharsets.UTF_8));
    }

    public static RawRequest postJson(byte[] json) {
        return post(json).header("Content-Type", "application/json");
    }

    /** {@code POST /graphql} with this body and no {@code Content-Type}. */
    public static RawRequest post(byte[] body) {
        return new RawRequest("POST", PATH, body);
    }

    /** {@code GET} of a target such as {@code /graphql?query=...}, without a body. */
    public static RawRequest get(String target) {
        return new RawRequest("GET", target, null);
    }

    /** Any method on {@code /graphql}, with this body ({@code null}: none). */
    public static RawRequest method(String method, byte[] body) {
        return new RawRequest(method, PATH, body);
    }

    /**
     * Exactly these bytes, request line and framing included: nothing is added, not even {@code Host} or
     * {@code Connection: close}.
     */
    public static RawRequest verbatim(String method, byte[] bytes) {
        RawRequest request = new RawRequest(method, PATH, null);
        request.verbatim = bytes;
        return request;
    }

    /** Adds a header line (a repeated name adds another line). */
    public RawRequest header(String name, String value) {
        return header(name, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Adds a header line whose value is exactly these bytes. */
    public RawRequest header(String name, byte[] value) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
        line.writeBytes(": ".getBytes(StandardCharsets.ISO_8859_1));
        line.writeBytes(value);
        headerLines.add(line.toByteArray());
        return this;
    }

    /** Sends this {@code Content-Length} instead of the body's length ({@code null}: none). */
    public RawRequest contentLength(String value) {
        this.contentLength = value;
        return this;
    }

    /** Shuts the socket's output once the request is written, as a client that has nothing more to send. */
    RawRequest halfClose() {
        this.halfClose = true;
        return this;
    }

    String method() {
        return method;
    }

    boolean halfCloses() {
        return halfClose;
    }

    /** True for HEAD: the answer has a status and headers only. */
    boolean expectsNoBody() {
        return method.equals("HEAD");
    }

    /** The request as sent: request line, {@code Host}, {@code Connection: close}, the headers, the body. */
    byte[] bytes() {
        if (verbatim != null) {
            return verbatim;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line(out, (method + " " + target + " HTTP/1.1").getBytes(StandardCharsets.ISO_8859_1));
        line(out, "Host: localhost".getBytes(StandardCharsets.ISO_8859_1));
        line(out, "Connection: close".getBytes(StandardCharsets.ISO_8859_1));
        headerLines.forEach(header -> line(out, header));
        if (contentLength != null) {
            line(out, ("Content-Length: " + contentLength).getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** The size of the header section as the transport measures it: each header's name, ": ", value. */
    int headerSectionSize() {
        int size = "Host: localhost".length() + "Connection: close".length();
        for (byte[] header : headerLines) {
            size += header.length;
        }
        return size + (contentLength == null ? 0 : ("Content-Length: " + contentLength).length());
    }

    /** The request line's length: method, target and version with the two spaces between them. */
    int requestLineLength() {
        return method.length() + 1 + target.length() + 1 + "HTTP/1.1".length();
    }

    private static void line(ByteArrayOutputStream out, byte[] line) {
        out.writeBytes(line);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
}
