package app.tinylytics.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and by whom a hit or an event was tracked: the fields both rows store, derive the same way
 * ({@link Tracker}) and show in the same order.
 */
public record Visit(String url, String path, String referrer, String country, String source, String uniqueHash,
        String visitorHash, Instant createdAt) {

    /**
     * The row as the API shows it: {@code head} (the row's own leading fields), where it was tracked, {@code device}
     * (a hit's browser and platform), the source, the hashes when {@code withHashes}, and the time.
     */
    Map<String, Object> toJson(Map<String, Object> head, Map<String, Object> device, boolean withHashes) {
        Map<String, Object> json = new LinkedHashMap<>(head);
        json.putAll(Json.object("url", url, "path", path, "referrer", referrer, "country", country));
        json.putAll(device);
        json.put("source", source);
        if (withHashes) {
            json.put("unique_hash", uniqueHash);
            json.put("visitor_hash", visitorHash);
        }
        json.put("created_at", Json.time(createdAt));
        return json;
    }
}
