package app.tinylytics.gateway.upstream.cache;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;

/**
 * Tells the client that part of its answer came from cache past its freshness: adds
 * {@code extensions.cache = {stale: true, oldestFetchedAt: ...}} to the GraphQL response. Captured
 * when a read is planned, because the GraphQL context is thread-bound and the answer comes later.
 */
public final class StaleNotice {

    static final String EXTENSION = "cache";

    private final SmallRyeContext context;

    private StaleNotice(SmallRyeContext context) {
        this.context = context;
    }

    /** The notice for the GraphQL request being executed on this thread (a no-op outside one). */
    public static StaleNotice forCurrentRequest() {
        return new StaleNotice(SmallRyeContextManager.getCurrentSmallRyeContext());
    }

    public void servedStale(Instant fetchedAt) {
        if (context == null) {
            return;
        }
        synchronized (context) {
            Object previous = context.getAddedExtensions().get(EXTENSION);
            Instant oldest = fetchedAt;
            if (previous instanceof Map<?, ?> map && map.get("oldestFetchedAt") instanceof String earlier
                    && Instant.parse(earlier).isBefore(fetchedAt)) {
                oldest = Instant.parse(earlier);
            }
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("stale", true);
            notice.put("oldestFetchedAt", oldest.toString());
            context.addExtension(EXTENSION, notice);
        }
    }
}
