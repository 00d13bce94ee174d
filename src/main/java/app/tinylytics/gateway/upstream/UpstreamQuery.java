package app.tinylytics.gateway.upstream;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The query of one upstream read: an optional {@link DateRange} and the other parameters, in name order. Null
 * values are skipped, so arguments a caller left out are never sent.
 */
public final class UpstreamQuery {

    private final DateRange range;
    private final SortedMap<String, String> params = new TreeMap<>();

    private UpstreamQuery(DateRange range) {
        this.range = range;
    }

    /** A query without a date range. */
    public static UpstreamQuery create() {
        return new UpstreamQuery(null);
    }

    /** A query over the given date range. */
    public static UpstreamQuery over(DateRange range) {
        return new UpstreamQuery(range);
    }

    /** Adds {@code name=value} unless the value is null; values are sent as their {@code toString()}. */
    public UpstreamQuery with(String name, Object value) {
        if (value != null) {
            params.put(name, value.toString());
        }
        return this;
    }

    /** Adds the {@code page} and {@code per_page} of a paged list, each unless null (upstream's default then). */
    public UpstreamQuery withPage(Integer page, Integer perPage) {
        return with("page", page).with("per_page", perPage);
    }

    /** The date range, or null for endpoints that read none. */
    public DateRange range() {
        return range;
    }

    /** Exactly the parameters to send. */
    public Map<String, String> asMap() {
        if (range == null) {
            return Collections.unmodifiableSortedMap(params);
        }
        SortedMap<String, String> all = new TreeMap<>(params);
        all.putAll(range.params());
        return Collections.unmodifiableSortedMap(all);
    }

    /**
     * The parameters that decide upstream's answer, for cache keys: for a dated endpoint read in UTC, the range
     * upstream will use today (so leaving the defaults out and spelling them out share an entry); in the account's
     * time zone, whose "today" the gateway does not know, the range as sent.
     */
    public SortedMap<String, String> canonicalFor(Endpoint endpoint, LocalDate todayUtc) {
        SortedMap<String, String> canonical = new TreeMap<>(params);
        DateRange effective = range != null ? range : endpoint.isDated() ? DateRange.DEFAULT : null;
        if (effective != null) {
            canonical.putAll(effective.accountZone() ? effective.params() : effective.resolvedAgainst(todayUtc).params());
        }
        return canonical;
    }
}
