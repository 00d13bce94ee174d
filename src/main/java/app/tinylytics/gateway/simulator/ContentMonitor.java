package app.tinylytics.gateway.simulator;

import java.time.Instant;
import java.util.List;

/** The seeded content-monitoring state of a site: where crawling starts, when it last ran and what it found. */
public record ContentMonitor(String rootPath, Instant lastCheckAt, List<ContentIssue> links) {
}
