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
        String ipAddress,
        String url,
        String referrer,
        String userAgent,
        String visitorId,
        String source) {

    /** {@code argument} is how the argument is reported, e.g. {@code hit} or {@code hits[3]}. */
    void validate(String argument) {
        Arguments.requiredText(argument + ".path", path, TextLimit.PATH);
        Arguments.country(argument + ".country", country);
        Arguments.text(argument + ".ipAddress", ipAddress, TextLimit.IP_ADDRESS);
        Arguments.text(argument + ".url", url, TextLimit.URL);
        Arguments.text(argument + ".referrer", referrer, TextLimit.REFERRER);
        Arguments.text(argument + ".userAgent", userAgent, TextLimit.USER_AGENT);
        Arguments.text(argument + ".visitorId", visitorId, TextLimit.IDENTIFIER);
        Arguments.text(argument + ".source", source, TextLimit.IDENTIFIER);
    }

    HitWriteDto toUpstream() {
        return new HitWriteDto(path, country, ipAddress, url, referrer, userAgent, visitorId, source);
    }
}
