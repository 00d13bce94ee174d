package app.tinylytics.gateway.writes;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.upstream.Written;
import app.tinylytics.gateway.upstream.dto.TrackEventResponseDto;

/** The outcome of {@code trackEvent}: the recorded event, or why upstream ignored it. */
@Description("The recorded event (CREATED) or why it was ignored (IGNORED).")
public record TrackEventResult(
        @NonNull WriteStatus status,
        TrackedEvent event,
        @Description("Why it was ignored.") String reason) {

    public static TrackEventResult from(Written<TrackEventResponseDto> written) {
        WriteStatus status = WriteStatus.of(written);
        return new TrackEventResult(status, status.createdOrNull(written.part(TrackEventResponseDto::event), TrackedEvent::from),
                written.part(TrackEventResponseDto::reason));
    }
}
