package app.tinylytics.gateway.common;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import app.tinylytics.gateway.error.BadUserInputException;
import app.tinylytics.gateway.upstream.DateRange;
import app.tinylytics.gateway.upstream.Endpoint;

/**
 * The argument rules (docs/errors.md#argument-rules), checked before any upstream call. Each failure is a
 * {@code BAD_USER_INPUT} error naming the argument and the rule.
 */
public final class Arguments {

    /** Longest analytics range upstream accepts, in days. */
    public static final int MAX_RANGE_DAYS = 730;

    private static final Pattern SITE_ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern EVENT_NAME = Pattern.compile("[^.]+(\\.[^.]+)+");

    private Arguments() {
    }

    /** A site id is the numeric id from {@code sites}. */
    public static long siteId(String name, String id) {
        if (id == null || !SITE_ID.matcher(id).matches()) {
            throw BadUserInputException.argument(name, "must be a numeric site id (a positive integer)");
        }
        return Long.parseLong(id);
    }

    /**
     * {@code start <= end}, also when an end is left out and upstream defaults it from {@code today}, and the range
     * upstream will use spans at most 730 days.
     */
    public static DateRange dateRange(LocalDate start, LocalDate end, boolean accountZone, LocalDate today) {
        if (start != null && end != null && start.isAfter(end)) {
            throw BadUserInputException.argument("start", "must not be after 'end' (" + start + " > " + end + ")");
        }
        DateRange given = new DateRange(start, end, accountZone);
        DateRange effective = given.resolvedAgainst(today);
        // With one end left out, upstream fills it in from today; an end before that default start, or a start after
        // today, would be an inverted range upstream. The account's today may be a day off UTC's, so allow that day.
        LocalDate latestStart = accountZone ? effective.end().plusDays(1) : effective.end();
        if (effective.start().isAfter(latestStart)) {
            throw start == null
                    ? BadUserInputException.argument("end", "must not be before the default start, " + DateRange.DEFAULT_DAYS
                            + " days before today (" + effective.start() + "); give 'start' too")
                    : BadUserInputException.argument("start", "must not be after the default end, today (" + effective.end()
                            + "); give 'end' too");
        }
        if (ChronoUnit.DAYS.between(effective.start(), effective.end()) > MAX_RANGE_DAYS) {
            throw BadUserInputException.argument(start != null ? "start" : "end", "must give a range of at most "
                    + MAX_RANGE_DAYS + " days (" + effective.start() + " to " + effective.end() + ")");
        }
        return given;
    }

    /** Page and page size: {@code page >= 1}, {@code perPage} between 1 and the endpoint's cap. */
    public static void paging(Integer page, Integer perPage, Endpoint endpoint) {
        if (page != null && page < 1) {
            throw BadUserInputException.argument("page", "must be at least 1");
        }
        int max = endpoint.maxPerPage();
        if (perPage != null && (perPage < 1 || perPage > max)) {
            throw BadUserInputException.argument("perPage", "must be between 1 and " + max);
        }
    }

    /** A country is two upper-case letters (ISO 3166-1 alpha-2, or XX for unknown). */
    public static void country(String name, String country) {
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw BadUserInputException.argument(name, "must be 2 upper-case letters, e.g. US or PL");
        }
    }

    /** An event name is {@code category.action}: two or more non-empty dot-separated segments. */
    public static void eventName(String name, String eventName) {
        if (eventName == null || !EVENT_NAME.matcher(eventName).matches()) {
            throw BadUserInputException.argument(name, "must be 'category.action' (2+ non-empty dot-separated segments)");
        }
        text(name, eventName, TextLimit.IDENTIFIER);
    }

    /** A text sent upstream is at most its kind's length; null (absent) passes. */
    public static void text(String name, String value, TextLimit limit) {
        if (value != null && value.length() > limit.maxLength()) {
            throw BadUserInputException.argument(name, "must be at most " + limit.maxLength() + " characters (got "
                    + value.length() + ")");
        }
    }

    /** A text that must be present, not blank, and within its kind's length. */
    public static void requiredText(String name, String value, TextLimit limit) {
        if (value == null || value.isBlank()) {
            throw BadUserInputException.argument(name, "must not be blank");
        }
        text(name, value, limit);
    }

    /** A text that may be absent but, when given, must not be blank and must be within its kind's length. */
    public static void optionalText(String name, String value, TextLimit limit) {
        if (value != null) {
            requiredText(name, value, limit);
        }
    }

    /** A value the schema makes non-null; checked again because Java callers can pass null. */
    public static void present(String name, Object value) {
        if (value == null) {
            throw BadUserInputException.argument(name, "is required");
        }
    }

    /** A batch needs at least one row and at most {@code maxRows}: an empty one is not worth a request. */
    public static void rows(String name, List<?> rows, int maxRows) {
        if (rows == null || rows.isEmpty()) {
            throw BadUserInputException.argument(name, "must contain at least one row");
        }
        if (rows.size() > maxRows) {
            throw BadUserInputException.argument(name, "must have at most " + maxRows
                    + " rows (GATEWAY_LIMITS_MAX_BATCH_ROWS); " + rows.size() + " were sent");
        }
    }
}
