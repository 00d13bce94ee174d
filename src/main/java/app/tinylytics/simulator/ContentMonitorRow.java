package app.tinylytics.simulator;

import java.time.Instant;
import java.util.List;

/** The seeded content-monitoring state of a site: where crawling starts, when it last ran and what it found. */
public record ContentMonitorRow(String rootPath, Instant lastCheckAt, List<ContentIssueRow> links) {
}
