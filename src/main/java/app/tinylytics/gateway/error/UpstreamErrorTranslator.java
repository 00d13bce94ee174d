package app.tinylytics.gateway.error;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.ProcessingException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpClosedException;

import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.UpstreamException;

/**
 * The one place that turns an upstream failure into a coded {@link GatewayException}, following the
 * error table of ARCHITECTURE.md: 403s are told apart by the endpoint first and the body second.
 */
public final class UpstreamErrorTranslator {

    /** Used when a 429 carries no Retry-After: upstream's window is an hour, a minute is a polite guess. */
    static final long DEFAULT_RETRY_AFTER_SECONDS = 60;

    private static final ObjectMapper JSON = new ObjectMapper();

    private UpstreamErrorTranslator() {
    }

    public static GatewayException translate(Endpoint endpoint, Throwable failure) {
        if (failure instanceof GatewayException gatewayException) {
            return gatewayException;
        }
        if (failure instanceof UpstreamException upstream) {
            return fromStatus(endpoint, upstream);
        }
        if (isUnreachable(failure)) {
            return new UpstreamUnavailableException(
                    "Tinylytics could not be reached for " + endpoint.route() + " (" + describe(failure) + ").", failure);
        }
        if (hasCause(failure, JacksonException.class) || hasCause(failure, ProcessingException.class)) {
            // Not JSON, or not the documented JSON: a body the REST client could not map to the endpoint's DTO.
            return new UpstreamErrorException("Tinylytics answered " + endpoint.route()
                    + " with a body that is not the documented JSON; the API key may be invalid"
                    + " (the live API answers some bad keys with an HTML page).", failure);
        }
        return new UpstreamErrorException("Calling Tinylytics " + endpoint.route() + " failed (" + describe(failure) + ").",
                failure);
    }

    private static GatewayException fromStatus(Endpoint endpoint, UpstreamException upstream) {
        int status = upstream.status();
        String message = upstreamMessage(upstream.body());
        String where = endpoint.route();
        return switch (status) {
            case 400 -> new BadUserInputException("Tinylytics rejected " + where + ": " + message, errors(upstream.body()));
            case 401 -> new UnauthenticatedException("Tinylytics rejected the API key (401): " + message);
            case 403 -> forbidden(endpoint, upstream.body(), message);
            case 404 -> new NotFoundException("Not found upstream (" + where + "): " + message);
            case 422 -> new BadUserInputException("Tinylytics rejected the input for " + where + ": " + message,
                    errors(upstream.body()));
            case 429 -> new RateLimitedException("Tinylytics rate limit reached for this key: " + message,
                    upstream.retryAfterSeconds().orElse(DEFAULT_RETRY_AFTER_SECONDS));
            default -> new UpstreamErrorException("Tinylytics failed on " + where + " with HTTP " + status + ": " + message);
        };
    }

    private static GatewayException forbidden(Endpoint endpoint, String body, String message) {
        String lower = body.toLowerCase(Locale.ROOT);
        if (endpoint == Endpoint.CONTENT && contentMonitoringDisabled(body)) {
            return new FeatureDisabledException("Content monitoring is not enabled for this site.");
        }
        if ((endpoint == Endpoint.SIGNALS || endpoint == Endpoint.SUBMIT_SIGNAL) && lower.contains("insight")) {
            return new FeatureDisabledException("Signals need insights enabled for the site: " + message);
        }
        if (endpoint.isPremium() && (!endpoint.isWrite() || lower.contains("subscription"))) {
            return new SubscriptionRequiredException(endpoint.route() + " needs an active Tinylytics subscription: " + message);
        }
        return new ForbiddenException(endpoint.route() + " needs a full-access (tly-fa-) key: " + message);
    }

    /** Parsed rather than matched as text: the documented body has a space after the colon, serializers vary. */
    private static boolean contentMonitoringDisabled(String body) {
        JsonNode json = parse(body);
        return json != null && json.path("content_monitoring_enabled").isBoolean()
                && !json.get("content_monitoring_enabled").booleanValue();
    }

    private static String upstreamMessage(String body) {
        JsonNode json = parse(body);
        if (json != null && json.hasNonNull("error")) {
            return json.get("error").asText();
        }
        List<String> errors = errors(body);
        if (!errors.isEmpty()) {
            return String.join("; ", errors);
        }
        return body.isBlank() ? "(no body)" : "(no error message)";
    }

    private static List<String> errors(String body) {
        JsonNode json = parse(body);
        List<String> errors = new ArrayList<>();
        if (json != null && json.path("errors").isArray()) {
            json.get("errors").forEach(error -> errors.add(error.asText()));
        }
        return errors;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static boolean isUnreachable(Throwable failure) {
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

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
