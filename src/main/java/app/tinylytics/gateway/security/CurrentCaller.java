package app.tinylytics.gateway.security;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import app.tinylytics.gateway.upstream.UpstreamAuth;

/**
 * The {@link Caller} of the current request, resolved from its headers the first time a resolver asks and then
 * reused by every other resolver of the request.
 */
@RequestScoped
public class CurrentCaller {

    private final CallerResolver resolver;
    private final ClientAddress addresses;
    private final CurrentVertxRequest request;
    private Caller caller;

    CurrentCaller(CallerResolver resolver, ClientAddress addresses, CurrentVertxRequest request) {
        this.resolver = resolver;
        this.addresses = addresses;
        this.request = request;
    }

    public Caller get() {
        if (caller == null) {
            RoutingContext context = request.getCurrent();
            caller = context == null
                    ? resolver.resolve(List.of(), "unknown")
                    : resolver.resolve(context.request().headers().getAll(HttpHeaders.AUTHORIZATION),
                            addresses.of(context.request().remoteAddress() == null ? null
                                    : context.request().remoteAddress().hostAddress(),
                                    context.request().headers().getAll("X-Forwarded-For")));
        }
        return caller;
    }

    /** Sets the caller a transport has already resolved (e.g. from a WebSocket's connection_init). */
    public void set(Caller resolved) {
        this.caller = resolved;
    }

    /** The upstream key for queries. */
    public UpstreamAuth reads() {
        return get().reads();
    }

    /** The upstream key for mutations. */
    public UpstreamAuth writes() {
        return get().writes();
    }
}
