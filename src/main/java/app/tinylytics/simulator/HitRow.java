package app.tinylytics.simulator;

import java.time.Instant;
import java.util.Map;

/** One stored page view of a site. */
public record HitRow(
        long id,
        long siteId,
        String url,
        String path,
        String referrer,
        String country,
        String browserName,
        String platformName,
        boolean mobile,
        String source,
        String uniqueHash,
        String visitorHash,
        Instant createdAt) {

    /** The hit as {@code GET /sites/:id/hits} lists it (without the hashes). */
    public Map<String, Object> toListJson() {
        return Json.object(
                "id", id,
                "url", url,
                "path", path,
                "referrer", referrer,
                "country", country,
                "browser_name", browserName,
                "platform_name", platformName,
                "is_mobile", mobile,
                "source", source,
                "created_at", Json.time(createdAt));
    }

    /** The hit as a create response shows it (with the hashes). */
    public Map<String, Object> toCreatedJson() {
        Map<String, Object> json = toListJson();
        json.remove("created_at");
        json.put("unique_hash", uniqueHash);
        json.put("visitor_hash", visitorHash);
        json.put("created_at", Json.time(createdAt));
        return json;
    }
}
