package app.tinylytics.simulator;

import java.time.Instant;
import java.util.List;

/** The seeded uptime monitor of a site: certificate and domain expiry plus its downtime history (newest first). */
public record UptimeMonitorRow(
        long id,
        String url,
        Instant createdAt,
        Instant sslExpiresAt,
        Instant domainExpiresAt,
        Instant domainTestedAt,
        List<DowntimeRow> downtimes) {
}
