package app.tinylytics.gateway.health;

import java.time.Instant;
import java.util.Optional;

/** What the last probe of upstream found: whether it answered, the circuit breaker's state, and why not when it did not. */
public record UpstreamStatus(boolean up, String circuit, Optional<String> reason, Instant at) {
}
