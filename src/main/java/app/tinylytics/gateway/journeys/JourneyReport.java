package app.tinylytics.gateway.journeys;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.common.PageInfo;
import app.tinylytics.gateway.upstream.dto.JourneyDto;
import app.tinylytics.gateway.upstream.dto.JourneyInsightsDto;
import app.tinylytics.gateway.upstream.dto.JourneysDto;

/** One page of visitor journeys with the range's summary and top entry/exit pages. */
@Description("Visitor journeys over a range, with summary metrics.")
public record JourneyReport(
        @NonNull List<@NonNull Journey> nodes,
        @NonNull PageInfo pageInfo,
        @NonNull JourneySummary summary,
        @NonNull List<@NonNull PageVisitors> topEntryPages,
        @NonNull List<@NonNull PageVisitors> topExitPages) {

    public static JourneyReport from(JourneysDto dto) {
        List<JourneyDto> journeys = Mapping.orEmpty(dto.userJourneys());
        JourneyInsightsDto insights = dto.insights();
        return new JourneyReport(journeys.stream().map(Journey::from).toList(),
                PageInfo.from(dto.pagination(), journeys.size()),
                JourneySummary.from(dto.summary()),
                PageVisitors.fromAll(insights == null ? null : insights.topEntryPages()),
                PageVisitors.fromAll(insights == null ? null : insights.topExitPages()));
    }
}
