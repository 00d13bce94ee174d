package app.tinylytics.gateway.writes;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.upstream.dto.HitWriteDto;

/** A page view to record, as {@code trackHit} and {@code trackHits} accept it. */
@Description("A page view to record.")
@Input("HitInput")
public record HitInput(
        @NonNull String path,
        @Description("2-letter uppercase country code; wins over ipAddress.") String country,
        String ipAddress,
        String url,
        String referrer,
        String userAgent,
        String visitorId,
        String source) {

    /** {@code argument} is how the argument is reported, e.g. {@code hit} or {@code hits[3]}. */
    void validate(String argument) {
        Arguments.notBlank(argument + ".path", path);
        Arguments.country(argument + ".country", country);
    }

    HitWriteDto toUpstream() {
        return new HitWriteDto(path, country, ipAddress, url, referrer, userAgent, visitorId, source);
    }
}
