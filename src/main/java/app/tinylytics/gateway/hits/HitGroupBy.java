package app.tinylytics.gateway.hits;

import java.util.Locale;

import org.eclipse.microprofile.graphql.Description;

/** The upstream {@code group_by} values of grouped hits. */
@Description("What grouped hits are grouped by (upstream group_by).")
public enum HitGroupBy {
    PATH,
    COUNTRY,
    REFERRER,
    BROWSER_NAME,
    PLATFORM_NAME,
    SOURCE;

    /** The {@code group_by} value, which is also the name of the key column in each grouped row. */
    public String queryValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
