package app.tinylytics.simulator;

import java.time.Instant;
import java.util.Map;

/** One stored custom event ({@code category.action}) of a site. */
public record EventRow(
        long id,
        long siteId,
        String name,
        String value,
        String url,
        String path,
        String referrer,
        String country,
        String source,
        String uniqueHash,
        String visitorHash,
        Instant createdAt) {

    public Map<String, Object> toJson() {
        return Json.object(
                "id", id,
                "event", name,
                "value", value,
                "url", url,
                "path", path,
                "referrer", referrer,
                "country", country,
                "source", source,
                "unique_hash", uniqueHash,
                "visitor_hash", visitorHash,
                "created_at", Json.time(createdAt));
    }
}
