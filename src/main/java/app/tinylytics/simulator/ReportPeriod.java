package app.tinylytics.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The {@code start_date}/{@code end_date}/{@code time_zone} of an analytics request, validated as the
 * reference describes: {@code YYYY-MM-DD}, start not after end, at most 730 days, day boundaries in UTC
 * or in the account's time zone.
 */
public record ReportPeriod(LocalDate start, LocalDate end, String timeZoneMode, ZoneId zone) {

    public static final int MAX_DAYS = 730;
    public static final int DEFAULT_DAYS_BACK = 30;

    public static ReportPeriod parse(String startParam, String endParam, String timeZoneParam, AccountRow account, Clock clock) {
        String mode = timeZoneParam == null || timeZoneParam.isBlank() ? "utc" : timeZoneParam.strip().toLowerCase();
        ZoneId zone = switch (mode) {
            case "utc" -> ZoneOffset.UTC;
            case "user" -> account.timeZone();
            default -> throw SimulatorException.badRequest("Invalid time_zone: must be one of utc, user");
        };
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate end = endParam == null || endParam.isBlank() ? today : date("end_date", endParam);
        LocalDate start = startParam == null || startParam.isBlank() ? today.minusDays(DEFAULT_DAYS_BACK) : date("start_date", startParam);
        if (start.isAfter(end)) {
            throw SimulatorException.badRequest("Invalid date range: start_date must be on or before end_date");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw SimulatorException.badRequest("Date range cannot exceed " + MAX_DAYS + " days");
        }
        return new ReportPeriod(start, end, mode, zone);
    }

    /** True when the instant falls on a day from start to end (inclusive) in this range's zone. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(from()) && instant.isBefore(until());
    }

    /** The {@code filters} block of a dated list: the period as applied, then the endpoint's own filters. */
    public Map<String, Object> filters(Object... endpointFilters) {
        Map<String, Object> filters = Json.object("start_date", start.toString(), "end_date", end.toString(), "time_zone", timeZoneMode);
        filters.putAll(Json.object(endpointFilters));
        return filters;
    }

    public Instant from() {
        return start.atStartOfDay(zone).toInstant();
    }

    public Instant until() {
        return end.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate date(String name, String value) {
        try {
            if (!value.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
            }
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw SimulatorException.badRequest("Invalid " + name + ": expected YYYY-MM-DD");
        }
    }
}
