package app.tinylytics.gateway.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.tinylytics.gateway.config.TinylyticsConfig;
import app.tinylytics.gateway.upstream.ApiKey;

/** The gateway's own Tinylytics keys, as configured: one for queries, one for mutations; either may be absent. */
@ApplicationScoped
public class ServerKeys {

    private final Optional<ApiKey> read;
    private final Optional<ApiKey> write;

    ServerKeys(TinylyticsConfig config, KeyIdentities identities) {
        this.read = config.api().readKey().filter(key -> !key.isBlank()).map(identities::of);
        this.write = config.api().writeKey().filter(key -> !key.isBlank()).map(identities::of);
    }

    public Optional<ApiKey> read() {
        return read;
    }

    public Optional<ApiKey> write() {
        return write;
    }
}
