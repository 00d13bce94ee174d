package app.tinylytics.simulator;

/**
 * Metadata of one simulated API key; the secret itself is the map key in {@link DemoAccounts} so it never
 * shows up in this record's {@code toString()}.
 */
public record DemoKey(long accountId, String name, boolean fullAccess, boolean revoked) {

    /** The key's {@code access_type} as the API spells it. */
    public String accessType() {
        return fullAccess ? "full_access" : "read_only";
    }
}
