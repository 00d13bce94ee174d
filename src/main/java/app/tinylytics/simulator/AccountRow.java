package app.tinylytics.simulator;

import java.time.Instant;
import java.time.ZoneId;

/** A simulated Tinylytics account: who owns sites and keys, and whether premium endpoints are open to it. */
public record AccountRow(long id, String email, boolean subscribed, ZoneId timeZone, Instant createdAt) {
}
