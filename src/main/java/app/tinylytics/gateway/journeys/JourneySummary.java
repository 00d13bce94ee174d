package app.tinylytics.gateway.journeys;

import org.eclipse.microprofile.graphql.Description;

import app.tinylytics.gateway.upstream.dto.JourneySummaryDto;

/** Visitor totals over a journeys range. */
@Description("Visitor totals over the range.")
public record JourneySummary(
        int totalVisitors,
        int multiPageVisitors,
        int singlePageVisitors,
        double bounceRate) {

    /** Upstream omits nothing here in practice; a missing block reads as an empty range. */
    public static JourneySummary from(JourneySummaryDto dto) {
        if (dto == null) {
            return new JourneySummary(0, 0, 0, 0);
        }
        return new JourneySummary(dto.totalVisitors(), dto.multiPageVisitors(), dto.singlePageVisitors(),
                dto.bounceRate());
    }
}
