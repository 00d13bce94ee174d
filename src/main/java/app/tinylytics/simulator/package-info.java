/**
 * The embedded Tinylytics API v1 simulator, served under {@code /simulator/api/v1} by builds that include it
 * (build-time {@code simulator.include=true}: dev, test and demo): a stateful, thread-safe, in-memory implementation
 * of all twenty endpoints of the Tinylytics REST API v1 (those the gateway calls are listed in
 * docs/upstream.md#the-endpoint-table), seeded deterministically with the demo accounts of
 * {@link app.tinylytics.simulator.DemoAccounts}. It shares no code with the gateway ({@code app.tinylytics.gateway})
 * and talks to it only over HTTP.
 *
 * <p>Where the reference is silent the simulator does what a Rails JSON API most plausibly does, and says so
 * where it decides: fixed one-hour rate-limit windows per key, over-large {@code per_page} clamped to the
 * maximum, batches capped at 1000 rows, {@code /admin} and {@code /wp-admin} paths and {@code test.*} events
 * ignored, a tiny IP-to-country table instead of IPinfo, batch answers with HTTP 200. The answers the reference only
 * sketches, on which the simulator and the gateway's client agree, are listed in
 * docs/upstream.md#shapes-the-reference-leaves-open.
 */
package app.tinylytics.simulator;
