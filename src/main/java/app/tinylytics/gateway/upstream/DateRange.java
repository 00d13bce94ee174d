package app.tinylytics.gateway.upstream;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * A date range as the caller gave it: either end may be left out for upstream to default (the last 30 days up to
 * today), with day boundaries in UTC or in the account's own time zone ({@code time_zone=user}).
 */
public record DateRange(LocalDate start, LocalDate end, boolean accountZone) {

    /** Days covered when the start is left out: upstream counts them back from today, not from {@code end}. */
    public static final int DEFAULT_DAYS = 30;

    /** Neither end given, UTC day boundaries. */
    public static final DateRange DEFAULT = new DateRange(null, null, false);

    /** The range upstream will use, judged against {@code today}: each missing end replaced by its default. */
    public DateRange resolvedAgainst(LocalDate today) {
        return new DateRange(start != null ? start : today.minusDays(DEFAULT_DAYS), end != null ? end : today, accountZone);
    }

    /**
     * True when the range ended before {@code todayUtc} in its own day boundaries: its data no longer changes. For
     * the account's zone, which the gateway does not know, "before yesterday in UTC" is before today everywhere.
     */
    public boolean endedBefore(LocalDate todayUtc) {
        return end != null && end.isBefore(accountZone ? todayUtc.minusDays(1) : todayUtc);
    }

    /** The query parameters that express this range; ends left out are not sent, and UTC is upstream's default. */
    Map<String, String> params() {
        Map<String, String> params = new TreeMap<>();
        if (start != null) {
            params.put("start_date", start.toString());
        }
        if (end != null) {
            params.put("end_date", end.toString());
        }
        if (accountZone) {
            params.put("time_zone", "user");
        }
        return params;
    }
}
