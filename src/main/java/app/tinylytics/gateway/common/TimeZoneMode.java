package app.tinylytics.gateway.common;

import org.eclipse.microprofile.graphql.Description;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Which day boundaries an analytics date range uses. */
// Only ever a GraphQL argument, which Quarkus' schema scan leaves out of the native reflection registrations (output
// types it registers); NativeSourcesTest wants every type of the schema registered, so conversions work the same.
@RegisterForReflection
@Description("time_zone=utc (UTC) or time_zone=user (ACCOUNT: the account's own time zone).")
public enum TimeZoneMode {
    UTC,
    ACCOUNT
}
