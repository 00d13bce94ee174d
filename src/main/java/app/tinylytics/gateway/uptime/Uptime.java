package app.tinylytics.gateway.uptime;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.common.PageInfo;
import app.tinylytics.gateway.error.UpstreamErrorException;
import app.tinylytics.gateway.upstream.dto.UptimeDto;

/** A site's uptime report: its monitor and one page of downtime history. */
@Description("Uptime monitor status with a page of downtime history, newest first.")
public record Uptime(
        @NonNull UptimeMonitor monitor,
        @NonNull List<@NonNull Downtime> downtimes,
        @NonNull PageInfo pageInfo,
        @NonNull DowntimeSummary summary) {

    public static Uptime from(UptimeDto dto) {
        if (dto.monitor() == null || dto.summary() == null) {
            // Both blocks are documented and non-null in the schema: without them the body is malformed.
            throw new UpstreamErrorException("Tinylytics answered GET /sites/:id/uptime without its 'monitor' or 'summary' block.");
        }
        List<Downtime> downtimes = Mapping.each(dto.downtimes(), Downtime::from);
        return new Uptime(UptimeMonitor.from(dto.monitor()), downtimes, PageInfo.from(dto.pagination(), downtimes.size()),
                DowntimeSummary.from(dto.summary()));
    }
}
