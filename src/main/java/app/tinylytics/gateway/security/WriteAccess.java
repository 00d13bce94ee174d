package app.tinylytics.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.error.ForbiddenException;

/**
 * The one rule for using the server's write key: a gateway that anyone on the network can reach must not
 * write and delete with the key it holds, so in prod mutations with it are refused unless
 * {@code GATEWAY_WRITES_OPEN=true} (dev and tests open them). Callers forwarding their own key are not affected.
 */
@ApplicationScoped
public class WriteAccess {

    private final boolean open;

    @Inject
    WriteAccess(GatewayConfig config) {
        this(config.security().writesOpen());
    }

    private WriteAccess(boolean open) {
        this.open = open;
    }

    /** A rule with a fixed setting, for tests that build a {@code KeyResolver} by hand. */
    public static WriteAccess of(boolean open) {
        return new WriteAccess(open);
    }

    /** Throws {@code FORBIDDEN}, before any upstream call, when the server write key may not be used. */
    public void checkServerWriteKey() {
        if (!open) {
            throw new ForbiddenException("Mutations with the gateway's own write key are switched off on this gateway:"
                    + " forward your own key as 'Authorization: Bearer tly-fa-...', or have the operator set GATEWAY_WRITES_OPEN=true.");
        }
    }
}
