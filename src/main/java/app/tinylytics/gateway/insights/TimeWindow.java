package app.tinylytics.gateway.insights;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;

import app.tinylytics.gateway.upstream.dto.WindowDto;

/** The period a detected signal looked at. */
@Description("The period an auto-detected signal covers.")
public record TimeWindow(OffsetDateTime startedAt, OffsetDateTime endedAt) {

    public static TimeWindow from(WindowDto dto) {
        return dto == null ? null : new TimeWindow(dto.startedAt(), dto.endedAt());
    }
}
