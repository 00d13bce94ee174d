package app.tinylytics.gateway.common;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import app.tinylytics.gateway.error.BadUserInputException;

/**
 * The argument rules of ARCHITECTURE.md, checked before any upstream call. Each failure is a
 * {@code BAD_USER_INPUT} error naming the argument and the rule.
 */
public final class Arguments {

    /** Longest analytics range upstream accepts, in days. */
    public static final int MAX_RANGE_DAYS = 730;
    /** Days covered when only the end of a range is given (upstream's default window). */
    static final int DEFAULT_RANGE_DAYS = 30;

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

    /** {@code start <= end}, and the effective range (missing ends defaulted) spans at most 730 days. */
    public static void dateRange(LocalDate start, LocalDate end, LocalDate today) {
        if (start != null && end != null && start.isAfter(end)) {
            throw BadUserInputException.argument("start", "must not be after 'end' (" + start + " > " + end + ")");
        }
        LocalDate effectiveEnd = end != null ? end : today;
        LocalDate effectiveStart = start != null ? start : effectiveEnd.minusDays(DEFAULT_RANGE_DAYS);
        if (ChronoUnit.DAYS.between(effectiveStart, effectiveEnd) > MAX_RANGE_DAYS) {
            throw BadUserInputException.argument(start != null ? "start" : "end",
                    "must give a range of at most " + MAX_RANGE_DAYS + " days (" + effectiveStart + " to " + effectiveEnd + ")");
        }
    }

    public static void page(Integer page) {
        if (page != null && page < 1) {
            throw BadUserInputException.argument("page", "must be at least 1");
        }
    }

    public static void perPage(Integer perPage, int max) {
        if (perPage != null && (perPage < 1 || perPage > max)) {
            throw BadUserInputException.argument("perPage", "must be between 1 and " + max);
        }
    }

    /** Page and page size together, the common case. */
    public static void paging(Integer page, Integer perPage, int maxPerPage) {
        page(page);
        perPage(perPage, maxPerPage);
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
    }

    /** A required text of at most {@code max} characters. */
    public static void maxLength(String name, String value, int max) {
        if (value != null && value.length() > max) {
            throw BadUserInputException.argument(name, "must be at most " + max + " characters (got " + value.length() + ")");
        }
    }

    /** A text that must be present and not blank. */
    public static void notBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw BadUserInputException.argument(name, "must not be blank");
        }
    }

    /** A value the schema makes non-null; checked again because Java callers can pass null. */
    public static void present(String name, Object value) {
        if (value == null) {
            throw BadUserInputException.argument(name, "is required");
        }
    }

    /** A batch needs at least one row: upstream rejects an empty one, so it is not worth a request. */
    public static void notEmpty(String name, List<?> rows) {
        if (rows == null || rows.isEmpty()) {
            throw BadUserInputException.argument(name, "must contain at least one row");
        }
    }
}
