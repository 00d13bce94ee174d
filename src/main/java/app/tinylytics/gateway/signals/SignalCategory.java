package app.tinylytics.gateway.signals;

import java.util.Locale;

import org.eclipse.microprofile.graphql.Description;

import io.quarkus.logging.Log;

/** The categories of an owner context signal, sent and received upstream as their lower-case names. */
@Description("Category of an owner-submitted context signal.")
public enum SignalCategory {
    NEWSLETTER,
    SOCIAL,
    LAUNCH,
    MAINTENANCE,
    CONTENT,
    PODCAST,
    OTHER;

    /** The upstream spelling, e.g. {@code newsletter}, for query parameters and request bodies. */
    public String upstreamValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The upstream spelling of a possibly absent category; null stays null so it is not sent. */
    public static String toUpstream(SignalCategory category) {
        return category == null ? null : category.upstreamValue();
    }

    /**
     * The category upstream sent. Null or blank means the owner gave none, so it stays null; a name the
     * gateway does not know (upstream may add categories) becomes OTHER rather than null or a failure,
     * because the signal still has a category and a whole signals query should not fail over one label.
     */
    public static SignalCategory fromUpstream(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            Log.debugf("Unknown upstream signal category '%s' mapped to OTHER", name);
            return OTHER;
        }
    }
}
