package app.tinylytics.gateway.error;

import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.Endpoint.Requirement;
import app.tinylytics.gateway.upstream.UpstreamFailure;

/**
 * The one place that turns an {@link UpstreamFailure} into a coded GraphQL error, following the error table in
 * docs/errors.md#upstream-failures. A 403 is told apart by what the endpoint requires first and by upstream's wording
 * second (docs/errors.md#403-by-requirement-then-by-wording), since the live API's wording is not documented.
 */
public final class UpstreamErrors {

    private UpstreamErrors() {
    }

    /** The coded error a client sees for {@code failure}; anything that is not an upstream failure passes unchanged. */
    public static Throwable coded(Throwable failure) {
        return failure instanceof UpstreamFailure upstream ? coded(upstream) : failure;
    }

    public static GatewayException coded(UpstreamFailure failure) {
        Endpoint endpoint = failure.endpoint();
        String where = endpoint == null ? "Tinylytics" : endpoint.route();
        return switch (failure.kind()) {
            case ANSWERED_WITH_ERROR -> fromStatus(failure, where);
            case NO_ANSWER -> new UpstreamUnavailableException("Tinylytics did not answer " + where + " ("
                    + rootCause(failure) + ").");
            case UNREADABLE_ANSWER -> new UpstreamErrorException("Tinylytics answered " + where
                    + " with a body that is not the documented JSON; the API key may be invalid"
                    + " (the live API answers some bad keys with an HTML page).");
            case CIRCUIT_OPEN -> new UpstreamUnavailableException("Tinylytics is failing; the gateway stopped calling it for"
                    + " a while (" + where + " not sent, circuit breaker open).");
            case BUDGET_SPENT -> new RateLimitedException("The gateway's upstream budget for this key is spent;"
                    + " no request was sent.", failure.retryAfterSeconds().orElse(UpstreamFailure.DEFAULT_RETRY_AFTER_SECONDS));
            case CALLER_SHARE_SPENT -> new RateLimitedException("Your share of the gateway's upstream budget for this key"
                    + " is spent; no request was sent.", failure.retryAfterSeconds().orElse(UpstreamFailure.DEFAULT_RETRY_AFTER_SECONDS));
            case OPERATION_CAP_REACHED -> new QueryTooExpensiveException("This operation reached its limit of upstream calls"
                    + " (GATEWAY_LIMITS_MAX_UPSTREAM_CALLS) or of rows asked for (GATEWAY_LIMITS_MAX_ROWS); ask for fewer"
                    + " fields, sites or rows per operation.");
        };
    }

    /** A short description for messages that quote a failure, e.g. a batch row that was not recorded. */
    public static String describe(Throwable failure) {
        Throwable coded = coded(failure);
        return coded.getMessage() == null ? coded.getClass().getSimpleName() : coded.getMessage();
    }

    private static GatewayException fromStatus(UpstreamFailure failure, String where) {
        String message = failure.upstreamMessage();
        return switch (failure.status()) {
            case 400 -> new BadUserInputException("Tinylytics rejected " + where + ": " + message, failure.validationErrors());
            case 401 -> new UnauthenticatedException("Tinylytics rejected the API key (401): " + message);
            case 403 -> forbidden(failure, where, message);
            case 404 -> new NotFoundException("Not found upstream (" + where + "): " + message);
            case 422 -> new BadUserInputException("Tinylytics rejected the input for " + where + ": " + message,
                    failure.validationErrors());
            case 429 -> new RateLimitedException("Tinylytics rate limit reached for this key: " + message,
                    failure.retryAfterSeconds().orElse(UpstreamFailure.DEFAULT_RETRY_AFTER_SECONDS));
            default -> new UpstreamErrorException("Tinylytics failed on " + where + " with HTTP " + failure.status() + ": "
                    + message);
        };
    }

    private static GatewayException forbidden(UpstreamFailure failure, String where, String message) {
        Endpoint endpoint = failure.endpoint();
        if (endpoint == null) {
            return new ForbiddenException(where + " was refused (403): " + message);
        }
        if (endpoint.requires(Requirement.CONTENT_MONITORING) && failure.saysFeatureOff()) {
            return new FeatureDisabledException("Content monitoring is not enabled for this site.");
        }
        if (endpoint.requires(Requirement.INSIGHTS_ENABLED) && failure.bodyMentions("insight")) {
            return new FeatureDisabledException("Signals need insights enabled for the site: " + message);
        }
        if (endpoint.requires(Requirement.SUBSCRIPTION) && (!endpoint.isWrite() || failure.bodyMentions("subscription"))) {
            return new SubscriptionRequiredException(where + " needs an active Tinylytics subscription: " + message);
        }
        if (endpoint.isWrite()) {
            return new ForbiddenException(where + " needs a full-access (tly-fa-) key: " + message);
        }
        return new ForbiddenException(where + " was refused (403): " + message);
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == failure) {
            return "no answer";
        }
        return root.getMessage() != null && root instanceof java.util.concurrent.TimeoutException
                ? root.getMessage() : root.getClass().getSimpleName();
    }
}
