package app.tinylytics.simulator;

import java.util.List;
import java.util.Map;

/** An API error answer (status, JSON body, optional {@code Retry-After}) thrown from anywhere in the simulator. */
public final class SimulatorException extends RuntimeException {

    private final int status;
    private final Map<String, Object> body;
    private final Long retryAfterSeconds;

    private SimulatorException(int status, Map<String, Object> body, Long retryAfterSeconds) {
        super("Simulator answers HTTP " + status, null, false, false);
        this.status = status;
        this.body = body;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static SimulatorException of(int status, String message) {
        return new SimulatorException(status, Json.error(message), null);
    }

    public static SimulatorException withBody(int status, Map<String, Object> body) {
        return new SimulatorException(status, body, null);
    }

    public static SimulatorException badRequest(String message) {
        return of(400, message);
    }

    public static SimulatorException notFound(String message) {
        return of(404, message);
    }

    /** 422 in the write endpoints' {@code {"status":"error","errors":[...]}} shape. */
    public static SimulatorException unprocessable(String... errors) {
        return withBody(422, Json.object("status", "error", "errors", List.of(errors)));
    }

    public static SimulatorException rateLimited(long retryAfterSeconds) {
        return new SimulatorException(429, Json.error("Rate limit exceeded"), retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public Map<String, Object> body() {
        return body;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
