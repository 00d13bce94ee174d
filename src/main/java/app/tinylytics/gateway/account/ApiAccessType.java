package app.tinylytics.gateway.account;

import org.eclipse.microprofile.graphql.Description;

/** What an API key may do upstream. */
@Description("Upstream access_type: read_only / full_access.")
public enum ApiAccessType {
    READ_ONLY,
    FULL_ACCESS;

    /** From upstream's {@code access_type}; anything unknown is treated as the weaker read-only. */
    public static ApiAccessType from(String accessType) {
        return "full_access".equals(accessType) ? FULL_ACCESS : READ_ONLY;
    }
}
