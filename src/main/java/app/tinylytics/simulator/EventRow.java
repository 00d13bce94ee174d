package app.tinylytics.simulator;

import java.util.Map;

/** One stored custom event ({@code category.action}) of a site, with the {@link Visit} it was tracked on. */
public record EventRow(long id, long siteId, String name, String value, Visit visit) {

    public Map<String, Object> toJson() {
        return visit.toJson(Json.object("id", id, "event", name, "value", value), Map.of(), true);
    }
}
