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
        TrackHitResponseDto body = written.body();
        WriteStatus status = WriteStatus.of(written, body.status());
        Hit hit = status == WriteStatus.CREATED && body.hit() != null ? Hit.from(body.hit()) : null;
        return new TrackHitResult(status, hit, body.reason());
    }
}
