package app.tinylytics.gateway.upstream;

import java.time.Duration;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.error.UpstreamErrorTranslator;
import app.tinylytics.gateway.error.UpstreamUnavailableException;

/**
 * Every upstream request passes here: it is counted against the key's budget, bounded by the
 * timeout, and any failure leaves as a coded {@link app.tinylytics.gateway.error.GatewayException}.
 */
@ApplicationScoped
public class UpstreamAccess {

    private final RequestBudget budget;
    private final Duration timeout;

    UpstreamAccess(RequestBudget budget, GatewayConfig config) {
        this.budget = budget;
        this.timeout = config.upstream().timeout();
    }

    /**
     * Sends one request with the key; {@code request} receives the {@code Authorization} header value
     * and is invoked lazily, once per subscription.
     */
    public <T> Uni<T> call(Endpoint endpoint, ApiKey key, Function<String, Uni<T>> request) {
        return Uni.createFrom().deferred(() -> {
            budget.record(key);
            return request.apply(key.authorizationHeader());
        })
                .ifNoItem().after(timeout).failWith(() -> new UpstreamUnavailableException(
                        "Tinylytics did not answer " + endpoint.route() + " within " + timeout.toMillis() + " ms."))
                .onFailure().transform(failure -> UpstreamErrorTranslator.translate(endpoint, failure));
    }
}
