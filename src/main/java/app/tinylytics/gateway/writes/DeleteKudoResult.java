package app.tinylytics.gateway.writes;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.upstream.dto.DeleteKudoResponseDto;

/** The outcome of {@code deleteKudo}; an unknown uid is a {@code NOT_FOUND} error instead. */
@Description("The kudo was deleted.")
public record DeleteKudoResult(boolean deleted, @NonNull String uid) {

    /** Upstream answers 200 only when it deleted the kudo; its uid is echoed, or the requested one when missing. */
    public static DeleteKudoResult from(DeleteKudoResponseDto dto, String requestedUid) {
        String uid = dto != null && dto.uid() != null ? dto.uid() : requestedUid;
        return new DeleteKudoResult(true, uid);
    }
}
