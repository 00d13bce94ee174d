package app.tinylytics.gateway.journeys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.upstream.dto.JourneyDto;
import app.tinylytics.gateway.upstream.dto.PathDto;

/** One visitor's session: the pages seen, in order, and how long it lasted. */
@Description("One visitor's path through the site.")
public record Journey(
        @NonNull String visitorHash,
        int pageCount,
        @NonNull OffsetDateTime firstHit,
        @NonNull OffsetDateTime lastHit,
        int durationMinutes,
        @Description("session_duration, in seconds.") int sessionDurationSeconds,
        @Description("pages[].path, in visit order.") @NonNull List<@NonNull String> paths,
        @NonNull String entryPage,
        @NonNull String exitPage,
        String referrer,
        String country,
        String browser) {

    public static Journey from(JourneyDto dto) {
        List<String> paths = Mapping.orEmpty(dto.pages()).stream()
                .filter(Objects::nonNull).map(PathDto::path).filter(Objects::nonNull).toList();
        return new Journey(dto.visitorHash(), dto.pageCount(), dto.firstHit(), dto.lastHit(), dto.durationMinutes(),
                dto.sessionDuration(), paths, dto.entryPage(), dto.exitPage(), dto.referrer(), dto.country(),
                dto.browser());
    }
}
