package app.tinylytics.gateway.hits;

import java.util.Map;

import org.eclipse.microprofile.graphql.Description;

import app.tinylytics.gateway.common.Mapping;

/** One row of grouped hits: a grouped value and how often it was seen. */
@Description("One row of grouped hits.")
public record HitGroup(
        @Description("The grouped value (a path, a country code, a referrer...); null for hits without one.") String key,
        @Description("views when grouped by path, hit_count otherwise.") int count,
        @Description("unique_views; only when grouped by path and unique tracking is on.") Integer uniqueCount) {

    /**
     * From an upstream row: {@code {"path", "views", "unique_views"?}} when grouped by path,
     * {@code {"<group_by>", "hit_count"}} otherwise.
     */
    public static HitGroup from(Map<String, Object> row, HitGroupBy groupBy) {
        Object key = row.get(groupBy.queryValue());
        Integer count = groupBy == HitGroupBy.PATH ? intOrNull(row.get("views")) : intOrNull(row.get("hit_count"));
        return new HitGroup(key == null ? null : key.toString(), count == null ? 0 : count,
                intOrNull(row.get("unique_views")));
    }

    /** Upstream counts arrive as JSON numbers of any width; GraphQL Int is 32-bit, so larger ones are capped. */
    private static Integer intOrNull(Object value) {
        if (value instanceof Number number) {
            return Mapping.saturated(number.longValue());
        }
        return null;
    }
}
