package app.tinylytics.gateway.upstream;

import java.time.Duration;
import java.util.OptionalLong;

import app.tinylytics.gateway.error.UpstreamUnavailableException;

/**
 * Which failures of one upstream attempt say something about the upstream's health, and which are worth
 * another attempt. Sees attempts' failures before translation: an {@link UpstreamException} still carries
 * its status and Retry-After, other failures are already coded.
 */
final class UpstreamFailures {

    private UpstreamFailures() {
    }

    /** No answer, or a server error: what the circuit breaker counts. 4xx and 429 are about the caller. */
    static boolean meansUpstreamIsDown(Throwable failure) {
        return failure instanceof UpstreamUnavailableException
                || failure instanceof UpstreamException upstream && upstream.status() >= 500;
    }

    /** No answer, 502/503/504 (the request was not processed), or a 429 that asks to wait at most {@code maxRetryAfter}. */
    static boolean isWorthRetrying(Throwable failure, Duration maxRetryAfter) {
        if (failure instanceof UpstreamUnavailableException) {
            return true;
        }
        if (failure instanceof UpstreamException upstream) {
            return switch (upstream.status()) {
                case 502, 503, 504 -> true;
                case 429 -> upstream.retryAfterSeconds().isPresent()
                        && upstream.retryAfterSeconds().getAsLong() * 1000 <= maxRetryAfter.toMillis();
                default -> false;
            };
        }
        return false;
    }

    static OptionalLong retryAfterMillis(Throwable failure) {
        if (failure instanceof UpstreamException upstream && upstream.status() == 429
                && upstream.retryAfterSeconds().isPresent()) {
            return OptionalLong.of(upstream.retryAfterSeconds().getAsLong() * 1000);
        }
        return OptionalLong.empty();
    }
}
