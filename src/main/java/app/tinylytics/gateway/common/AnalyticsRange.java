package app.tinylytics.gateway.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import app.tinylytics.gateway.upstream.UpstreamQuery;

/** The {@code start}/{@code end}/{@code timeZone} arguments of the analytics fields, validated and turned into upstream params. */
public final class AnalyticsRange {

    private AnalyticsRange() {
    }

    /**
     * Checks the range against today (UTC, from the app's clock so tests can move it) and starts the upstream
     * query with {@code start_date}, {@code end_date} and {@code time_zone}, each only when given; UTC is
     * upstream's default and so never sent.
     */
    public static UpstreamQuery query(LocalDate start, LocalDate end, TimeZoneMode timeZone, Clock clock) {
        Arguments.dateRange(start, end, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return UpstreamQuery.create()
                .with("start_date", start)
                .with("end_date", end)
                .with("time_zone", timeZone == null ? null : timeZone.queryValue());
    }
}
