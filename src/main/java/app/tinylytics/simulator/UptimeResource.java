package app.tinylytics.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * {@code GET /sites/:id/uptime}: the seeded monitor seen at the current clock time (check times, uptime
 * over 30 days, certificate and domain expiry) plus its paginated downtime history, newest first.
 */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Path("/simulator/api/v1/sites/{id}/uptime")
@Produces(MediaType.APPLICATION_JSON)
public class UptimeResource {

    static final int MAX_PER_PAGE = 100;
    private static final Duration PERIOD = Duration.ofDays(30);
    private static final long CHECK_INTERVAL_SECONDS = 300;
    private static final long EXPIRING_SOON_DAYS = 30;

    private final SimulatorGate gate;
    private final Clock clock;

    UptimeResource(SimulatorGate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    @GET
    public Map<String, Object> uptime(@BeanParam SiteParams site, @BeanParam PageParams page) {
        SiteData data = gate.premiumSite(site);
        UptimeMonitorRow monitor = data.uptimeMonitor()
                .orElseThrow(() -> SimulatorException.notFound("Uptime monitoring is not enabled for this site"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Paging paging = page.paging(MAX_PER_PAGE);
        List<DowntimeRow> downtimes = monitor.downtimes();
        return Json.object(
                "monitor", monitorJson(monitor, now),
                "downtimes", paging.slice(downtimes).stream().map(d -> downtimeJson(d, now)).toList(),
                "pagination", paging.toJson(downtimes.size()),
                "summary", Json.object(
                        "total_downtimes", downtimes.size(),
                        "ongoing_downtimes", downtimes.stream().filter(DowntimeRow::ongoing).count(),
                        "recent_downtimes_30_days", downtimes.stream().filter(d -> d.startedAt().isAfter(now.minus(PERIOD))).count()));
    }

    private static Map<String, Object> monitorJson(UptimeMonitorRow monitor, Instant now) {
        DowntimeRow ongoing = monitor.downtimes().stream().filter(DowntimeRow::ongoing).findFirst().orElse(null);
        Instant lastCheck = Instant.ofEpochSecond(now.getEpochSecond() / CHECK_INTERVAL_SECONDS * CHECK_INTERVAL_SECONDS);
        long sslDays = ChronoUnit.DAYS.between(now, monitor.sslExpiresAt());
        long domainDays = ChronoUnit.DAYS.between(now, monitor.domainExpiresAt());
        return Json.object(
                "id", monitor.id(),
                "url", monitor.url(),
                "enabled", true,
                "is_down", ongoing != null,
                "uptime", uptimePercentage(monitor.downtimes(), now),
                "last_check_at", Json.time(lastCheck),
                "next_check_at", Json.time(lastCheck.plusSeconds(CHECK_INTERVAL_SECONDS)),
                "last_status_code", ongoing == null ? 200 : 503,
                "last_error_message", ongoing == null ? null : ongoing.error(),
                "status_description", ongoing == null ? "Up" : "Down",
                "current_check_interval", CHECK_INTERVAL_SECONDS,
                "period", "30d",
                "ssl", Json.object(
                        "expires_at", Json.time(monitor.sslExpiresAt()),
                        "valid", sslDays >= 0,
                        "expiring_soon", sslDays >= 0 && sslDays <= EXPIRING_SOON_DAYS,
                        "expired", sslDays < 0,
                        "days_until_expiry", sslDays),
                "domain", Json.object(
                        "tested_at", Json.time(monitor.domainTestedAt()),
                        "expires_at", Json.time(monitor.domainExpiresAt()),
                        "remaining_days", domainDays,
                        "source", "whois",
                        "expired", domainDays < 0,
                        "expiring_soon", domainDays >= 0 && domainDays <= EXPIRING_SOON_DAYS,
                        "days_until_expiry", domainDays),
                "auto_paused", false,
                "created_at", Json.time(monitor.createdAt()),
                "updated_at", Json.time(lastCheck));
    }

    /** Share of the last 30 days not covered by a downtime, two decimals. */
    private static double uptimePercentage(List<DowntimeRow> downtimes, Instant now) {
        Instant from = now.minus(PERIOD);
        long downSeconds = 0;
        for (DowntimeRow d : downtimes) {
            Instant start = d.startedAt().isBefore(from) ? from : d.startedAt();
            Instant end = d.ongoing() ? now : d.endedAt();
            if (end.isAfter(start)) {
                downSeconds += Duration.between(start, end).toSeconds();
            }
        }
        return Json.round(100.0 - 100.0 * downSeconds / PERIOD.toSeconds(), 2);
    }

    private static Map<String, Object> downtimeJson(DowntimeRow downtime, Instant now) {
        long seconds = Duration.between(downtime.startedAt(), downtime.ongoing() ? now : downtime.endedAt()).toSeconds();
        return Json.object(
                "id", downtime.id(),
                "error", downtime.error(),
                "started_at", Json.time(downtime.startedAt()),
                "ended_at", Json.time(downtime.endedAt()),
                "duration", seconds,
                "duration_in_words", inWords(seconds),
                "partial", downtime.partial(),
                "ongoing", downtime.ongoing());
    }

    /** A short form of Rails' {@code distance_of_time_in_words}. */
    static String inWords(long seconds) {
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 1) {
            return "less than a minute";
        }
        if (minutes < 45) {
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        if (minutes < 90) {
            return "about 1 hour";
        }
        if (minutes < 1440) {
            return "about " + Math.round(minutes / 60.0) + " hours";
        }
        long days = Math.round(minutes / 1440.0);
        return days == 1 ? "1 day" : days + " days";
    }
}
