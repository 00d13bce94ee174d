package app.tinylytics.gateway.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import app.tinylytics.gateway.upstream.UpstreamQuery;

/** The {@code start}/{@code end}/{@code timeZone} arguments of the analytics fields, validated and made a query. */
public final class AnalyticsRange {

    private AnalyticsRange() {
    }

    /** Checks the range against today (UTC, from the app's clock so tests can move it) and starts the upstream query. */
    public static UpstreamQuery query(LocalDate start, LocalDate end, TimeZoneMode timeZone, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return UpstreamQuery.over(Arguments.dateRange(start, end, timeZone == TimeZoneMode.ACCOUNT, today));
    }
}
