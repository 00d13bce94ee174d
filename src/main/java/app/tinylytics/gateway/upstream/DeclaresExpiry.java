package app.tinylytics.gateway.upstream;

import java.time.Instant;

/** An upstream answer that says itself until when it is valid (the leaderboard's {@code cache_info.expires_at}). */
public interface DeclaresExpiry {

    /** The declared end of validity, or null when upstream sent none. */
    Instant declaredExpiry();
}
