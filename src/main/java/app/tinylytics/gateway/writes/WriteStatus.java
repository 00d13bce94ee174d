package app.tinylytics.gateway.writes;

import org.eclipse.microprofile.graphql.Description;

import app.tinylytics.gateway.upstream.Written;

/** Whether upstream recorded a single write (201) or skipped it on purpose (202). */
@Description("201 created / 202 ignored.")
public enum WriteStatus {
    CREATED,
    IGNORED;

    /** 202, or a body saying {@code ignored}, is IGNORED; any other 2xx recorded the write. */
    static WriteStatus of(Written<?> written, String bodyStatus) {
        return written.ignored() || "ignored".equals(bodyStatus) ? IGNORED : CREATED;
    }
}
