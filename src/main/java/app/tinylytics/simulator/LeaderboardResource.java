package app.tinylytics.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * {@code GET /sites/:id/leaderboard}: the all-time path ranking, computed from every hit of the site and
 * cached per site for an hour, so hits tracked meanwhile appear only once the snapshot expires.
 */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Path("/simulator/api/v1/sites/{id}/leaderboard")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {

    static final int MAX_PER_PAGE = 1000;

    private final SimulatorGate gate;
    private final Clock clock;

    LeaderboardResource(SimulatorGate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    @GET
    public Map<String, Object> leaderboard(@BeanParam SiteParams site, @BeanParam PageParams page, @QueryParam("path") String path) {
        SiteData data = gate.readSite(site);
        LeaderboardSnapshot snapshot = snapshot(data);
        String filter = Params.presence(path);
        Paging paging = page.paging(MAX_PER_PAGE);
        List<LeaderboardSnapshot.Row> rows = snapshot.rows().stream()
                .filter(r -> filter == null || r.path().toLowerCase().contains(filter.toLowerCase()))
                .toList();
        return Json.object(
                "leaderboard", paging.slice(rows).stream()
                        .map(r -> Json.object("path", r.path(), "total_hits", r.totalHits(), "unique_hits", r.uniqueHits(),
                                "percentage", r.percentage()))
                        .toList(),
                "site", SiteViews.brief(data.site()),
                "pagination", paging.toJson(rows.size()),
                "cache_info", Json.object("cached_at", Json.time(snapshot.cachedAt()), "expires_at", Json.time(snapshot.expiresAt())),
                "filters", Json.object("path", filter));
    }

    private LeaderboardSnapshot snapshot(SiteData data) {
        Instant now = clock.instant();
        synchronized (data) {
            return data.leaderboard().filter(s -> s.isFresh(now)).orElseGet(() -> {
                LeaderboardSnapshot fresh = compute(data.hits(), now);
                data.leaderboard(fresh);
                return fresh;
            });
        }
    }

    private static LeaderboardSnapshot compute(List<HitRow> hits, Instant now) {
        Map<String, Integer> totals = new HashMap<>();
        Map<String, Set<String>> uniques = new HashMap<>();
        for (HitRow hit : hits) {
            totals.merge(hit.visit().path(), 1, Integer::sum);
            uniques.computeIfAbsent(hit.visit().path(), p -> new HashSet<>()).add(hit.visit().uniqueHash());
        }
        List<LeaderboardSnapshot.Row> rows = new ArrayList<>();
        totals.forEach((path, total) -> rows.add(new LeaderboardSnapshot.Row(path, total, uniques.get(path).size(),
                Json.round(100.0 * total / hits.size(), 2))));
        rows.sort(Comparator.comparingLong(LeaderboardSnapshot.Row::totalHits).reversed()
                .thenComparing(LeaderboardSnapshot.Row::path));
        // Whole seconds, so the cache_info the API shows is exactly the instant the snapshot expires.
        return new LeaderboardSnapshot(now.truncatedTo(ChronoUnit.SECONDS), List.copyOf(rows));
    }
}
