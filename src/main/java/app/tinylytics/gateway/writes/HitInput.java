package app.tinylytics.gateway.writes;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.common.TextLimit;
import app.tinylytics.gateway.upstream.dto.HitWriteDto;

/** A page view to record, as {@code trackHit} and {@code trackHits} accept it. */
@Description("A page view to record.")
@Input("HitInput")
public record HitInput(
        @NonNull String path,
        @Description("2-letter uppercase country code; wins over ipAddress.") String country,
        // The rest of the VisitFields, one line as they are checked and sent there:
        String ipAddress, String url, String referrer, String userAgent, String visitorId, String source)
        implements VisitFields, WriteInput<HitWriteDto> {

    @Override
    public void validate(String argument) {
        Arguments.requiredText(argument + ".path", path, TextLimit.PATH);
        validateVisit(argument);
    }

    @Override
    public HitWriteDto toUpstream() {
        return visitToUpstream();
    }
}
