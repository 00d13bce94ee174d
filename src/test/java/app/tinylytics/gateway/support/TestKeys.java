package app.tinylytics.gateway.support;

/** Keys used by tests; fake, and distinct so tests can tell which one was sent. */
public final class TestKeys {

    /** The server read key configured under the WireMock profile. */
    public static final String SERVER_READ = "tly-ro-test-server-read-key";
    /** The server write key configured under the WireMock profile. */
    public static final String SERVER_WRITE = "tly-fa-test-server-write-key";
    /** A key a caller forwards in {@code Authorization: Bearer ...}. */
    public static final String CALLER_READ = "tly-ro-test-caller-key";
    public static final String CALLER_WRITE = "tly-fa-test-caller-key";
    /** The simulator's demo keys, spelled out rather than imported: to the gateway it is just an upstream. */
    public static final String DEMO_ALICE_READ = "tly-ro-demo-alice-read";
    public static final String DEMO_ALICE_FULL = "tly-fa-demo-alice-full";
    public static final String DEMO_BOB_READ = "tly-ro-demo-bob-read";
    public static final String DEMO_BOB_FULL = "tly-fa-demo-bob-full";

    private TestKeys() {
    }

    public static String bearer(String key) {
        return "Bearer " + key;
    }
}
