package app.tinylytics.gateway.upstream;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.ProcessingException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpClosedException;

/**
 * The one failure type of the upstream layer: why a request to Tinylytics gave no usable answer (an HTTP error
 * status with upstream's body and Retry-After, no answer at all, an unreadable body) or was never sent (open
 * circuit, spent budget, the operation's call cap). Guards and the client decide on it; {@code error/UpstreamErrors}
 * turns it into a coded GraphQL error once, at the API edge. Its message never holds a key.
 */
public final class UpstreamFailure extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** Upstream answered with an error status ({@link #status()}, {@link #body()}). */
        ANSWERED_WITH_ERROR,
        /** No answer: a timeout, a refused or reset connection. */
        NO_ANSWER,
        /** A success status whose body is not the documented JSON. */
        UNREADABLE_ANSWER,
        /** Not sent: the circuit breaker is open. */
        CIRCUIT_OPEN,
        /** Not sent: the key's hourly budget is spent (or upstream asked to wait). */
        BUDGET_SPENT,
        /** Not sent: this caller's share of a server key's hourly budget is spent. */
        CALLER_SHARE_SPENT,
        /** Not sent: the GraphQL operation reached its cap of upstream calls. */
        OPERATION_CAP_REACHED
    }

    /** Assumed when a 429 carries no Retry-After: upstream's window is an hour, a minute is a polite guess. */
    public static final long DEFAULT_RETRY_AFTER_SECONDS = 60;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Endpoint endpoint;
    private final Kind kind;
    private final int status;
    private final String body;
    private final OptionalLong retryAfterSeconds;

    private UpstreamFailure(Endpoint endpoint, Kind kind, int status, String body, OptionalLong retryAfterSeconds,
            Throwable cause) {
        super(describe(endpoint, kind, status), cause, false, false);
        this.endpoint = endpoint;
        this.kind = kind;
        this.status = status;
        this.body = body == null ? "" : body;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** An error status upstream answered {@code endpoint} with (null when not known yet, see {@link #of}). */
    public static UpstreamFailure answered(Endpoint endpoint, int status, String body, OptionalLong retryAfterSeconds) {
        return new UpstreamFailure(endpoint, Kind.ANSWERED_WITH_ERROR, status, body, retryAfterSeconds, null);
    }

    /** No answer from {@code endpoint}, for the given cause. */
    public static UpstreamFailure noAnswer(Endpoint endpoint, Throwable cause) {
        return new UpstreamFailure(endpoint, Kind.NO_ANSWER, 0, "", OptionalLong.empty(), cause);
    }

    /** A success status from {@code endpoint} whose body is missing or not what the endpoint documents. */
    public static UpstreamFailure unreadable(Endpoint endpoint, String why) {
        return new UpstreamFailure(endpoint, Kind.UNREADABLE_ANSWER, 0, "", OptionalLong.empty(), new IllegalStateException(why));
    }

    /** A request the gateway did not send, for the given reason. */
    public static UpstreamFailure notSent(Endpoint endpoint, Kind kind, long retryAfterSeconds) {
        return new UpstreamFailure(endpoint, kind, 0, "", OptionalLong.of(retryAfterSeconds), null);
    }

    public static UpstreamFailure notSent(Endpoint endpoint, Kind kind) {
        return new UpstreamFailure(endpoint, kind, 0, "", OptionalLong.empty(), null);
    }

    /** Classifies whatever one attempt at {@code endpoint} failed with. */
    static UpstreamFailure of(Endpoint endpoint, Throwable failure) {
        if (failure instanceof UpstreamFailure known) {
            return known.endpoint == endpoint ? known
                    : new UpstreamFailure(endpoint, known.kind, known.status, known.body, known.retryAfterSeconds, known.getCause());
        }
        if (isNoAnswer(failure)) {
            return new UpstreamFailure(endpoint, Kind.NO_ANSWER, 0, "", OptionalLong.empty(), failure);
        }
        if (hasCause(failure, JacksonException.class) || hasCause(failure, ProcessingException.class)) {
            return new UpstreamFailure(endpoint, Kind.UNREADABLE_ANSWER, 0, "", OptionalLong.empty(), failure);
        }
        // Anything else the client can throw means the request did not complete normally: treat as no answer.
        return new UpstreamFailure(endpoint, Kind.NO_ANSWER, 0, "", OptionalLong.empty(), failure);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status for {@link Kind#ANSWERED_WITH_ERROR}, else 0. */
    public int status() {
        return status;
    }

    /** Upstream's error body (its own words), empty when none. */
    public String body() {
        return body;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Upstream's own message: the body's {@code error}, else its {@code errors[]} joined, else a placeholder. */
    public String upstreamMessage() {
        JsonNode json = parsedBody();
        if (json != null && json.hasNonNull("error")) {
            return json.get("error").asText();
        }
        List<String> errors = validationErrors();
        if (!errors.isEmpty()) {
            return String.join("; ", errors);
        }
        return body.isBlank() ? "(no body)" : "(no error message)";
    }

    /** The body's {@code errors[]} (422 and 400 answers), empty when none. */
    public List<String> validationErrors() {
        JsonNode json = parsedBody();
        List<String> errors = new ArrayList<>();
        if (json != null && json.path("errors").isArray()) {
            json.get("errors").forEach(error -> errors.add(error.asText()));
        }
        return errors;
    }

    /** True for a body that says the feature is switched off ({@code "content_monitoring_enabled": false}). */
    public boolean saysFeatureOff() {
        JsonNode json = parsedBody();
        return json != null && json.path("content_monitoring_enabled").isBoolean()
                && !json.get("content_monitoring_enabled").booleanValue();
    }

    /** True when the body mentions {@code word} (case-insensitive): 403 bodies are told apart by their wording. */
    public boolean bodyMentions(String word) {
        return body.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
    }

    public boolean isStatus(int expected) {
        return kind == Kind.ANSWERED_WITH_ERROR && status == expected;
    }

    /** No answer or a server error: what the circuit breaker counts. 4xx and 429 are about the caller. */
    public boolean meansUpstreamIsDown() {
        return kind == Kind.NO_ANSWER || kind == Kind.ANSWERED_WITH_ERROR && status >= 500;
    }

    /** Whether the request may have been processed upstream although no success came back (matters for writes). */
    public boolean mayHaveBeenProcessed() {
        return kind == Kind.NO_ANSWER || kind == Kind.UNREADABLE_ANSWER || kind == Kind.ANSWERED_WITH_ERROR && status >= 500;
    }

    /**
     * Upstream is unreachable, overloaded (502, 503, 504: the request was not processed) or refuses for now: the
     * cases in which a cached copy is better than nothing.
     */
    public boolean isTemporary() {
        return kind == Kind.NO_ANSWER || kind == Kind.CIRCUIT_OPEN || kind == Kind.BUDGET_SPENT
                || kind == Kind.CALLER_SHARE_SPENT || isStatus(429) || isStatus(502) || isStatus(503) || isStatus(504);
    }

    /** No answer, 502/503/504 (the request was not processed), or a 429 asking to wait at most {@code maxRetryAfter}. */
    boolean isWorthRetrying(Duration maxRetryAfter) {
        if (kind == Kind.NO_ANSWER) {
            return true;
        }
        if (kind != Kind.ANSWERED_WITH_ERROR) {
            return false;
        }
        return switch (status) {
            case 502, 503, 504 -> true;
            case 429 -> retryAfterSeconds.isPresent() && retryAfterSeconds.getAsLong() * 1000 <= maxRetryAfter.toMillis();
            default -> false;
        };
    }

    private JsonNode parsedBody() {
        try {
            return body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String describe(Endpoint endpoint, Kind kind, int status) {
        String where = endpoint == null ? "Tinylytics" : endpoint.route();
        return switch (kind) {
            case ANSWERED_WITH_ERROR -> where + " answered HTTP " + status;
            case NO_ANSWER -> where + " gave no answer";
            case UNREADABLE_ANSWER -> where + " answered with an unreadable body";
            case CIRCUIT_OPEN -> where + " not sent: circuit breaker open";
            case BUDGET_SPENT -> where + " not sent: the key's hourly budget is spent";
            case CALLER_SHARE_SPENT -> where + " not sent: the caller's share of the key is spent";
            case OPERATION_CAP_REACHED -> where + " not sent: the operation's cap of upstream calls or rows is reached";
        };
    }

    private static boolean isNoAnswer(Throwable failure) {
        return hasCause(failure, ConnectException.class) || hasCause(failure, SocketException.class)
                || hasCause(failure, UnknownHostException.class) || hasCause(failure, ClosedChannelException.class)
                || hasCause(failure, TimeoutException.class) || hasCause(failure, HttpClosedException.class)
                || hasCause(failure, io.netty.channel.ConnectTimeoutException.class)
                || messageContains(failure, "Connection was closed") || messageContains(failure, "timed out")
                || messageContains(failure, "Connection reset");
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean messageContains(Throwable failure, String text) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }
}
