package app.tinylytics.gateway.common;

import org.eclipse.microprofile.graphql.Description;

/** Which day boundaries an analytics date range uses. */
@Description("time_zone=utc (UTC) or time_zone=user (ACCOUNT: the account's own time zone).")
public enum TimeZoneMode {
    UTC,
    ACCOUNT
}
