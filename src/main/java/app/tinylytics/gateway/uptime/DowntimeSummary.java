package app.tinylytics.gateway.uptime;

import org.eclipse.microprofile.graphql.Description;

import app.tinylytics.gateway.upstream.dto.DowntimeSummaryDto;

/** Downtime counters of a monitor. */
@Description("Downtime counters of the monitor.")
public record DowntimeSummary(
        int totalDowntimes,
        int ongoingDowntimes,
        @Description("recent_downtimes_30_days") int recentDowntimes30Days) {

    public static DowntimeSummary from(DowntimeSummaryDto dto) {
        return new DowntimeSummary(dto.totalDowntimes(), dto.ongoingDowntimes(), dto.recentDowntimes30Days());
    }
}
