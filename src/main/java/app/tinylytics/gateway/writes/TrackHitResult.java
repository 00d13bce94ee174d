package app.tinylytics.gateway.writes;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.hits.Hit;
import app.tinylytics.gateway.upstream.Written;
import app.tinylytics.gateway.upstream.dto.TrackHitResponseDto;

/** The outcome of {@code trackHit}: the recorded hit, or why upstream ignored it. */
@Description("The recorded hit (CREATED) or why it was ignored (IGNORED).")
public record TrackHitResult(
        @NonNull WriteStatus status,
        Hit hit,
        @Description("Why it was ignored.") String reason) {

    public static TrackHitResult from(Written<TrackHitResponseDto> written) {
        WriteStatus status = WriteStatus.of(written);
        return new TrackHitResult(status, status.createdOrNull(written.part(TrackHitResponseDto::hit), Hit::from),
                written.part(TrackHitResponseDto::reason));
    }
}
