/**
 * The embedded Tinylytics API v1 simulator, served under {@code /simulator/api/v1} when
 * {@code tinylytics.simulator.enabled} is true: a stateful, thread-safe, in-memory implementation of all
 * twenty endpoints of {@code tinylytics-api-v1.md}, seeded deterministically with the demo accounts of
 * {@link app.tinylytics.gateway.simulator.DemoAccounts}.
 *
 * <p>Where the reference is silent the simulator does what a Rails JSON API most plausibly does, and says so
 * where it decides: fixed one-hour rate-limit windows per key, over-large {@code per_page} clamped to the
 * maximum, batches capped at 1000 rows, {@code /admin} and {@code /wp-admin} paths and {@code test.*} events
 * ignored, a tiny IP-to-country table instead of IPinfo, batch answers with HTTP 200.
 */
package app.tinylytics.gateway.simulator;
