package app.tinylytics.gateway.uptime;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.upstream.dto.MonitorDto;

/** The uptime monitor of a site with its current state. */
@Description("The uptime monitor of a site: current state, uptime percentage, SSL and domain status.")
public record UptimeMonitor(
        @Id @NonNull String id,
        @NonNull String url,
        boolean enabled,
        @Name("isDown") boolean isDown,
        @Description("monitor.uptime, a percentage.") Double uptimePercent,
        OffsetDateTime lastCheckAt,
        OffsetDateTime nextCheckAt,
        Integer lastStatusCode,
        String lastErrorMessage,
        String statusDescription,
        @Description("current_check_interval, seconds.") Integer checkIntervalSeconds,
        String period,
        SslStatus ssl,
        DomainStatus domain,
        boolean autoPaused,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static UptimeMonitor from(MonitorDto dto) {
        return new UptimeMonitor(String.valueOf(dto.id()), dto.url(), dto.enabled(), dto.isDown(), dto.uptime(),
                dto.lastCheckAt(), dto.nextCheckAt(), dto.lastStatusCode(), dto.lastErrorMessage(), dto.statusDescription(),
                dto.currentCheckInterval(), dto.period(), SslStatus.from(dto.ssl()), DomainStatus.from(dto.domain()),
                dto.autoPaused(), dto.createdAt(), dto.updatedAt());
    }
}
