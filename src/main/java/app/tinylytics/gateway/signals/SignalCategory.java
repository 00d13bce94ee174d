package app.tinylytics.gateway.signals;

import java.util.Locale;

import org.eclipse.microprofile.graphql.Description;

/** The kinds of owner-submitted context signals upstream knows. */
@Description("Category of an owner-submitted context signal.")
public enum SignalCategory {
    NEWSLETTER,
    SOCIAL,
    LAUNCH,
    MAINTENANCE,
    CONTENT,
    PODCAST,
    OTHER;

    /** From upstream's lower-case value; null for null or a category this gateway does not know yet. */
    public static SignalCategory fromUpstream(String value) {
        if (value == null) {
            return null;
        }
        for (SignalCategory category : values()) {
            if (category.upstreamValue().equals(value.toLowerCase(Locale.ROOT))) {
                return category;
            }
        }
        return null;
    }

    /** The lower-case value upstream uses, e.g. {@code newsletter}. */
    public String upstreamValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
