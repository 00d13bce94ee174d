package app.tinylytics.gateway.insights;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.common.PageInfo;
import app.tinylytics.gateway.error.UpstreamErrorException;
import app.tinylytics.gateway.upstream.dto.InsightsDto;

/** One page of a site's insight reports with the site's insight settings. */
@Description("A page of AI insight reports, newest first, with the site's insight settings.")
public record InsightReport(
        @NonNull List<@NonNull Insight> nodes,
        @NonNull PageInfo pageInfo,
        @NonNull InsightSettings settings) {

    public static InsightReport from(InsightsDto dto) {
        if (dto.site() == null) {
            // The settings are a documented, non-null part of the answer: without them the body is malformed.
            throw new UpstreamErrorException("Tinylytics answered GET /sites/:id/insights without its 'site' settings block.");
        }
        List<Insight> nodes = Mapping.each(dto.insights(), Insight::from);
        return new InsightReport(nodes, PageInfo.from(dto.pagination(), nodes.size()), InsightSettings.from(dto.site()));
    }
}
