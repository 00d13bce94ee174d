package app.tinylytics.simulator;

import java.time.Instant;

/** One outage the uptime monitor recorded; {@code endedAt} is null while it is ongoing. */
public record DowntimeRow(long id, String error, Instant startedAt, Instant endedAt, boolean partial) {

    public boolean ongoing() {
        return endedAt == null;
    }
}
