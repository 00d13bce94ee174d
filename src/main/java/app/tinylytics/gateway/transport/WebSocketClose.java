package app.tinylytics.gateway.transport;

import java.nio.charset.StandardCharsets;

/**
 * Why a GraphQL-over-WebSocket connection is closed: a close code of graphql-transport-ws (or RFC 6455) and a reason
 * that names the problem, never a credential.
 */
final class WebSocketClose extends RuntimeException {

    /** RFC 6455 allows 123 bytes of reason in a close frame. */
    private static final int MAX_REASON_BYTES = 123;

    private final short code;

    private WebSocketClose(int code, String reason) {
        super(fit(reason), null, false, false);
        this.code = (short) code;
    }

    /** 4400: a message that is not JSON, not a known client message, or lacks what its type needs. */
    static WebSocketClose badRequest(String reason) {
        return new WebSocketClose(4400, reason);
    }

    /** 4401: an operation before the connection was acknowledged. */
    static WebSocketClose unauthorized() {
        return new WebSocketClose(4401, "Unauthorized: send connection_init and wait for connection_ack first");
    }

    /** 4403: credentials in {@code connection_init} (or the upgrade request) that are refused. */
    static WebSocketClose forbidden(String reason) {
        return new WebSocketClose(4403, "Forbidden: " + reason);
    }

    /** 4406: a subprotocol other than graphql-transport-ws was negotiated. */
    static WebSocketClose subprotocolNotAcceptable() {
        return new WebSocketClose(4406, "Subprotocol not acceptable: use graphql-transport-ws");
    }

    /** 4408: no {@code connection_init} within the init timeout. */
    static WebSocketClose initTimeout() {
        return new WebSocketClose(4408, "Connection initialisation timeout");
    }

    /** 4409: a {@code subscribe} whose id is already running on this connection. */
    static WebSocketClose subscriberExists(String id) {
        return new WebSocketClose(4409, "Subscriber for " + id + " already exists");
    }

    /** 4429: a second {@code connection_init}. */
    static WebSocketClose tooManyInits() {
        return new WebSocketClose(4429, "Too many initialisation requests");
    }

    /** 4500: the gateway failed to handle a message; the failure is logged. */
    static WebSocketClose internalError() {
        return new WebSocketClose(4500, "Internal server error");
    }

    /** 1009: a message over the size limit, as for an HTTP body. */
    static WebSocketClose tooBig(long maxBytes) {
        return new WebSocketClose(1009, "Message too big: at most " + maxBytes + " bytes (GATEWAY_MAX_BODY_SIZE)");
    }

    short code() {
        return code;
    }

    String reason() {
        return getMessage();
    }

    /** The reason cut to what a close frame can carry, on a character boundary. */
    private static String fit(String reason) {
        if (reason.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
            return reason;
        }
        StringBuilder fitted = new StringBuilder();
        int bytes = 3; // the ellipsis
        for (int i = 0; i < reason.length(); ) {
            int codePoint = reason.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_REASON_BYTES) {
                break;
            }
            fitted.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return fitted.append('…').toString();
    }
}
