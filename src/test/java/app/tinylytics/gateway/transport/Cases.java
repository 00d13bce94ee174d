package app.tinylytics.gateway.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import app.tinylytics.gateway.transport.MalformedRequest.Answer;
import app.tinylytics.gateway.transport.MalformedRequest.Category;

/** Small constructors shared by the suite's case builders. */
final class Cases {

    private Cases() {
    }

    static MalformedRequest refused(Category category, String name, RawRequest request) {
        return new MalformedRequest(category, name, request, Answer.REFUSED);
    }

    static MalformedRequest requestError(Category category, String name, RawRequest request) {
        return new MalformedRequest(category, name, request, Answer.REQUEST_ERROR);
    }

    static MalformedRequest httpLayer(Category category, String name, RawRequest request) {
        return new MalformedRequest(category, name, request, Answer.HTTP_LAYER);
    }

    /** A JSON object from members whose values are raw JSON text (so they may be anything, even invalid). */
    static String object(Map<String, String> rawMembers) {
        StringJoiner object = new StringJoiner(",", "{", "}");
        rawMembers.forEach((name, value) -> object.add("\"" + name + "\":" + value));
        return object.toString();
    }

    /** {@code {"query": <document>, "variables": <rawVariables>}}, the variables as raw JSON text. */
    static String body(String document, String rawVariables) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("query", ValidRequests.write(document));
        if (rawVariables != null) {
            members.put("variables", rawVariables);
        }
        return object(members);
    }

    /** {@code text} with {@code inserted} put in at byte {@code at} (the text is ASCII). */
    static byte[] insert(String text, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    /** The body framed as one chunk and the last chunk, for {@code Transfer-Encoding: chunked}. */
    static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
