package app.tinylytics.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * {@code GET /sites/:id/user_journeys}: the range's hits grouped by {@code visitor_hash} into one journey per
 * visitor (pages in visit order), newest journey first, with summary and top entry/exit pages.
 */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Path("/simulator/api/v1/sites/{id}/user_journeys")
@Produces(MediaType.APPLICATION_JSON)
public class JourneysResource {

    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 50;
    /** Simulator choice: how many pages the top entry/exit lists show. */
    static final int TOP_PAGES = 10;

    private final SimulatorGate gate;
    private final Clock clock;

    JourneysResource(SimulatorGate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    private record VisitorJourney(String visitorHash, List<HitRow> hits) {

        Visit first() {
            return hits.get(0).visit();
        }

        Visit last() {
            return hits.get(hits.size() - 1).visit();
        }

        Map<String, Object> toJson() {
            long seconds = Duration.between(first().createdAt(), last().createdAt()).toSeconds();
            return Json.object(
                    "visitor_hash", visitorHash,
                    "page_count", hits.size(),
                    "first_hit", Json.time(first().createdAt()),
                    "last_hit", Json.time(last().createdAt()),
                    "duration_minutes", seconds / 60,
                    "pages", hits.stream().map(h -> Json.object("path", h.visit().path())).toList(),
                    "entry_page", first().path(),
                    "exit_page", last().path(),
                    "session_duration", seconds,
                    "referrer", first().referrer(),
                    "country", first().country(),
                    "browser", hits.get(0).browserName());
        }
    }

    @GET
    public Map<String, Object> journeys(@BeanParam SiteParams site, @BeanParam PeriodParams period, @BeanParam PageParams page) {
        SiteData data = gate.readSite(site);
        ReportPeriod range = period.resolve(data.owner(), clock);
        Paging paging = page.paging(DEFAULT_PER_PAGE, MAX_PER_PAGE);
        Map<String, List<HitRow>> byVisitor = new LinkedHashMap<>();
        data.hits().stream()
                .filter(h -> range.contains(h.visit().createdAt()))
                .sorted(Comparator.comparing((HitRow h) -> h.visit().createdAt()).thenComparing(HitRow::id))
                .forEach(h -> byVisitor.computeIfAbsent(h.visit().visitorHash(), v -> new ArrayList<>()).add(h));
        List<VisitorJourney> journeys = byVisitor.entrySet().stream()
                .map(e -> new VisitorJourney(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing((VisitorJourney j) -> j.last().createdAt()).reversed().thenComparing(VisitorJourney::visitorHash))
                .toList();
        long multiPage = journeys.stream().filter(j -> j.hits().size() > 1).count();
        int total = journeys.size();
        return Json.object(
                "user_journeys", paging.slice(journeys).stream().map(VisitorJourney::toJson).toList(),
                "summary", Json.object(
                        "total_visitors", total,
                        "multi_page_visitors", multiPage,
                        "single_page_visitors", total - multiPage,
                        "bounce_rate", total == 0 ? 0.0 : Json.round(100.0 * (total - multiPage) / total, 1)),
                "insights", Json.object(
                        "top_entry_pages", topPages(journeys, j -> j.first().path()),
                        "top_exit_pages", topPages(journeys, j -> j.last().path())),
                "pagination", paging.toJson(total),
                "filters", range.filters());
    }

    private static List<Map<String, Object>> topPages(List<VisitorJourney> journeys, Function<VisitorJourney, String> page) {
        Map<String, Integer> counts = new HashMap<>();
        journeys.forEach(j -> counts.merge(page.apply(j), 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_PAGES)
                .map(e -> Json.object("path", e.getKey(), "visitors", e.getValue()))
                .toList();
    }
}
