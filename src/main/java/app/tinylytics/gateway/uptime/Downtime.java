package app.tinylytics.gateway.uptime;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.upstream.dto.DowntimeDto;

/** One recorded downtime of a monitored site. */
@Description("A period during which the monitored URL was down (ongoing when endedAt is null).")
public record Downtime(
        @Id @NonNull String id,
        String error,
        @NonNull OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        @Description("duration, seconds.") Integer durationSeconds,
        String durationInWords,
        boolean partial,
        boolean ongoing) {

    public static Downtime from(DowntimeDto dto) {
        return new Downtime(String.valueOf(dto.id()), dto.error(), dto.startedAt(), dto.endedAt(), dto.duration(),
                dto.durationInWords(), dto.partial(), dto.ongoing());
    }
}
