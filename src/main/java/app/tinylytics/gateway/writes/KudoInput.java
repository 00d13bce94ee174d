package app.tinylytics.gateway.writes;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.common.TextLimit;
import app.tinylytics.gateway.upstream.dto.KudoWriteDto;

/** A kudo to give to a path. */
@Description("A kudo to give to a path; without customUid upstream generates the uid.")
@Input("KudoInput")
public record KudoInput(@NonNull String path, String customUid) implements WriteInput<KudoWriteDto> {

    @Override
    public void validate(String argument) {
        Arguments.requiredText(argument + ".path", path, TextLimit.PATH);
        Arguments.optionalText(argument + ".customUid", customUid, TextLimit.IDENTIFIER);
    }

    @Override
    public KudoWriteDto toUpstream() {
        return new KudoWriteDto(path, customUid);
    }
}
