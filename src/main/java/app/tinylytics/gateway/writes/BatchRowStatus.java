package app.tinylytics.gateway.writes;

import org.eclipse.microprofile.graphql.Description;

/** What happened to one row of a batch. */
@Description("Outcome of one batch row.")
public enum BatchRowStatus {
    CREATED,
    IGNORED,
    ERROR;

    /** From upstream's {@code created} / {@code ignored}; anything else is an error row. */
    static BatchRowStatus fromUpstream(String status) {
        if ("created".equals(status)) {
            return CREATED;
        }
        return "ignored".equals(status) ? IGNORED : ERROR;
    }
}
