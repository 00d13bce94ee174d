package app.tinylytics.gateway.upstream;

import java.util.OptionalLong;

/**
 * An upstream answer with a non-2xx status, as the REST client saw it: status, body (upstream's own
 * words, never containing our key) and {@code Retry-After} seconds when sent. The access layer turns it
 * into a coded {@link app.tinylytics.gateway.error.GatewayException}.
 */
public final class UpstreamException extends RuntimeException {

    private final int status;
    private final String body;
    private final OptionalLong retryAfterSeconds;

    public UpstreamException(int status, String body, OptionalLong retryAfterSeconds) {
        super("Upstream answered HTTP " + status, null, false, false);
        this.status = status;
        this.body = body == null ? "" : body;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
