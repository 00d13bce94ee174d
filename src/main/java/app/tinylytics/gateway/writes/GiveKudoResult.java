package app.tinylytics.gateway.writes;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.kudos.Kudo;
import app.tinylytics.gateway.upstream.Written;
import app.tinylytics.gateway.upstream.dto.GiveKudoResponseDto;

/** The outcome of {@code giveKudo}: the recorded kudo, or why upstream ignored it. */
@Description("The recorded kudo (CREATED) or why it was ignored (IGNORED).")
public record GiveKudoResult(
        @NonNull WriteStatus status,
        Kudo kudo,
        @Description("Why it was ignored.") String reason) {

    public static GiveKudoResult from(Written<GiveKudoResponseDto> written) {
        WriteStatus status = WriteStatus.of(written);
        return new GiveKudoResult(status, status.createdOrNull(written.part(GiveKudoResponseDto::kudo), Kudo::from),
                written.part(GiveKudoResponseDto::reason));
    }
}
