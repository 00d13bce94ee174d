package app.tinylytics.simulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The JSON shapes of a site: the full one of {@code /sites} and the short {@code site} block of other answers. */
final class SiteViews {

    private SiteViews() {
    }

    static Map<String, Object> full(SiteData data) {
        SiteRow site = data.site();
        List<HitRow> hits = data.hits();
        // updated_at moves with the latest tracked hit, as a counter-cache column touching the site would.
        Instant updatedAt = hits.stream().map(hit -> hit.visit().createdAt()).max(Comparator.naturalOrder())
                .filter(last -> last.isAfter(site.createdAt())).orElse(site.createdAt());
        return Json.object(
                "id", site.id(),
                "uid", site.uid(),
                "url", site.url(),
                "label", site.label(),
                "lifetime_hits", hits.size(),
                "lifetime_unique_hits", hits.stream().map(hit -> hit.visit().uniqueHash()).distinct().count(),
                "lifetime_kudos", data.kudos().size(),
                "active", true,
                "public", site.isPublic(),
                "created_at", Json.time(site.createdAt()),
                "updated_at", Json.time(updatedAt));
    }

    static Map<String, Object> brief(SiteRow site) {
        return Json.object("id", site.id(), "uid", site.uid(), "url", site.url(), "label", site.label());
    }
}
