package app.tinylytics.gateway.journeys;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.upstream.dto.PageVisitorsDto;

/** A path with how many visitors entered or left the site there. */
@Description("A path and its visitor count.")
public record PageVisitors(
        @NonNull String path,
        int visitors) {

    public static PageVisitors from(PageVisitorsDto dto) {
        return new PageVisitors(dto.path(), dto.visitors());
    }

    static List<PageVisitors> fromAll(List<PageVisitorsDto> dtos) {
        return Mapping.each(dtos, PageVisitors::from);
    }
}
