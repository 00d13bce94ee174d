package app.tinylytics.simulator;

import java.time.Instant;
import java.util.Map;

/** An owner-submitted context signal (newsletter, launch, ...) that helps explain traffic changes. */
public record SignalRow(
        long id,
        long siteId,
        Instant occurredAt,
        String title,
        String description,
        String category,
        Map<String, Object> metadata,
        String externalId,
        Instant createdAt) {

    /** The shape of {@code GET /sites/:id/signals} rows and of the POST response's {@code signal}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = toContextJson();
        json.put("external_id", externalId);
        json.put("created_at", Json.time(createdAt));
        return json;
    }

    /**
     * The shorter shape an insight's {@code context_signals} uses (as in the reference example): the leading fields
     * of {@link #toJson}.
     */
    public Map<String, Object> toContextJson() {
        return Json.object(
                "id", id,
                "occurred_at", Json.time(occurredAt),
                "title", title,
                "description", description,
                "category", category,
                "metadata", metadata);
    }
}
