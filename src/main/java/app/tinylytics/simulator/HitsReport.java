package app.tinylytics.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Answers {@code GET /sites/:id/hits}: filtered raw hits, or hits grouped by one dimension. */
final class HitsReport {

    static final int MAX_PER_PAGE = 1000;

    private static final Map<String, Function<HitRow, String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("path", hit -> hit.visit().path());
        GROUPS.put("country", hit -> hit.visit().country());
        GROUPS.put("referrer", hit -> hit.visit().referrer());
        GROUPS.put("browser_name", HitRow::browserName);
        GROUPS.put("platform_name", HitRow::platformName);
        GROUPS.put("source", hit -> hit.visit().source());
    }

    /** The validated query of one request. */
    record Query(ReportPeriod range, String country, String path, String referrer, boolean grouped, String groupBy, Paging paging) {
    }

    private HitsReport() {
    }

    /** Validates {@code group_by}; a grouped request without one groups by path (the documented dashboard call). */
    static String groupBy(boolean grouped, String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            return grouped ? "path" : null;
        }
        if (!GROUPS.containsKey(groupBy)) {
            throw SimulatorException.badRequest("Invalid group_by: must be one of " + String.join(", ", GROUPS.keySet()));
        }
        return groupBy;
    }

    static Map<String, Object> answer(SiteData data, Query query) {
        List<HitRow> hits = data.hits().stream()
                .filter(h -> query.range().contains(h.visit().createdAt()))
                .filter(h -> query.country() == null || query.country().equals(h.visit().country()))
                .filter(h -> query.path() == null || query.path().equals(h.visit().path()))
                .filter(h -> query.referrer() == null || (h.visit().referrer() != null
                        && h.visit().referrer().toLowerCase().contains(query.referrer().toLowerCase())))
                .sorted(Comparator.comparing((HitRow h) -> h.visit().createdAt()).thenComparing(HitRow::id).reversed())
                .toList();
        Map<String, Object> filters = query.range().filters("country", query.country(), "path", query.path(),
                "referrer", query.referrer(), "grouped", query.grouped());
        if (!query.grouped()) {
            return Json.object(
                    "hits", query.paging().slice(hits).stream().map(HitRow::toListJson).toList(),
                    "pagination", query.paging().toJson(hits.size()),
                    "filters", filters);
        }
        filters.put("group_by", query.groupBy());
        List<Map<String, Object>> rows = group(hits, query.groupBy(), data.site().uniqueTracking());
        return Json.object(
                "grouped_hits", query.paging().slice(rows),
                "pagination", query.paging().toJson(rows.size()),
                "filters", filters);
    }

    /** Rows sorted by count (descending), then value; null values (e.g. direct visits) form their own group. */
    private static List<Map<String, Object>> group(List<HitRow> hits, String groupBy, boolean uniqueTracking) {
        Function<HitRow, String> key = GROUPS.get(groupBy);
        Map<String, List<HitRow>> groups = new HashMap<>();
        for (HitRow hit : hits) {
            groups.computeIfAbsent(key.apply(hit), k -> new ArrayList<>()).add(hit);
        }
        List<Map.Entry<String, List<HitRow>>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, List<HitRow>>>comparingInt(e -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, List<HitRow>> entry : sorted) {
            if (groupBy.equals("path")) {
                Map<String, Object> row = Json.object("path", entry.getKey(), "views", entry.getValue().size());
                if (uniqueTracking) {
                    Set<String> uniques = new HashSet<>();
                    entry.getValue().forEach(h -> uniques.add(h.visit().uniqueHash()));
                    row.put("unique_views", uniques.size());
                }
                rows.add(row);
            } else {
                rows.add(Json.object(groupBy, entry.getKey(), "hit_count", entry.getValue().size()));
            }
        }
        return rows;
    }
}
