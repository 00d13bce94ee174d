package app.tinylytics.gateway.writes;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The outcome of {@code trackHits} / {@code trackEvents}: counters and one result per row sent. */
@Description("Counters and one result per row; one bad row does not fail the rest.")
public record BatchResult(
        int createdCount,
        int ignoredCount,
        int errorCount,
        @NonNull List<@NonNull BatchRowResult> results) {
}
