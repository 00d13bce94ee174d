package app.tinylytics.simulator;

import java.util.Map;

/** One stored page view of a site: its {@link Visit} and what the user agent said about the device. */
public record HitRow(long id, long siteId, Visit visit, String browserName, String platformName, boolean mobile) {

    /** The hit as {@code GET /sites/:id/hits} lists it (without the hashes). */
    public Map<String, Object> toListJson() {
        return visit.toJson(Json.object("id", id), device(), false);
    }

    /** The hit as a create response shows it (with the hashes). */
    public Map<String, Object> toCreatedJson() {
        return visit.toJson(Json.object("id", id), device(), true);
    }

    private Map<String, Object> device() {
        return Json.object("browser_name", browserName, "platform_name", platformName, "is_mobile", mobile);
    }
}
