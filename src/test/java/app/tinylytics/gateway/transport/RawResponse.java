package app.tinylytics.gateway.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first final answer to a {@link RawRequest}: status, headers and body; status 0 when the server closed the
 * connection (or stayed silent) without answering.
 */
public record RawResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    static RawResponse none() {
        return new RawResponse(0, List.of(), new byte[0]);
    }

    public boolean answered() {
        return status != 0;
    }

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        return headers.stream().filter(header -> header.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The {@code Content-Type}'s {@code type/subtype} in lower case, or null. */
    public String mediaType() {
        String type = header("Content-Type");
        if (type == null) {
            return null;
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        String text = bodyText();
        return status + " " + header("Content-Type") + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
}
