package app.tinylytics.simulator;

import java.util.List;
import java.util.Map;

/**
 * The {@code page}/{@code per_page} of one list request. Like a typical Rails API (Pagy/Kaminari with
 * {@code to_i}), bad or missing numbers fall back to the defaults and an over-large {@code per_page} is
 * clamped to the endpoint's maximum instead of being rejected.
 */
public record Paging(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 100;

    public static Paging of(String page, String perPage, int defaultPerPage, int maxPerPage) {
        int pageNumber = Math.max(1, toInt(page, 1));
        int size = toInt(perPage, defaultPerPage);
        if (size < 1) {
            size = defaultPerPage;
        }
        return new Paging(pageNumber, Math.min(size, maxPerPage));
    }

    /** The rows of this page; an empty list past the last page. */
    public <T> List<T> slice(List<T> rows) {
        long from = (long) (page - 1) * perPage;
        if (from >= rows.size()) {
            return List.of();
        }
        return rows.subList((int) from, (int) Math.min(rows.size(), from + perPage));
    }

    /** The {@code pagination} block; {@code total_pages} is 0 for an empty result, as {@code ceil(0 / n)} gives. */
    public Map<String, Object> toJson(int totalCount) {
        return Json.object(
                "current_page", page,
                "per_page", perPage,
                "total_count", totalCount,
                "total_pages", (totalCount + perPage - 1) / perPage);
    }

    private static int toInt(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
