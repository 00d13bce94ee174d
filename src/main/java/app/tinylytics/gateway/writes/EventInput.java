package app.tinylytics.gateway.writes;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.common.TextLimit;
import app.tinylytics.gateway.upstream.dto.EventWriteDto;

/** An event to record; {@code name} is what upstream calls {@code event}. */
@Description("Upstream field `event` is called `name` here.")
@Input("EventInput")
public record EventInput(
        @Description("category.action") @NonNull String name,
        String value,
        String path,
        String country,
        String ipAddress,
        String url,
        String referrer,
        String userAgent,
        String visitorId,
        String source) {

    /** {@code argument} is how the argument is reported, e.g. {@code event} or {@code events[3]}. */
    void validate(String argument) {
        Arguments.eventName(argument + ".name", name);
        Arguments.text(argument + ".value", value, TextLimit.EVENT_VALUE);
        Arguments.optionalText(argument + ".path", path, TextLimit.PATH);
        Arguments.country(argument + ".country", country);
        Arguments.text(argument + ".ipAddress", ipAddress, TextLimit.IP_ADDRESS);
        Arguments.text(argument + ".url", url, TextLimit.URL);
        Arguments.text(argument + ".referrer", referrer, TextLimit.REFERRER);
        Arguments.text(argument + ".userAgent", userAgent, TextLimit.USER_AGENT);
        Arguments.text(argument + ".visitorId", visitorId, TextLimit.IDENTIFIER);
        Arguments.text(argument + ".source", source, TextLimit.IDENTIFIER);
    }

    EventWriteDto toUpstream() {
        return new EventWriteDto(name, value, path, country, ipAddress, url, referrer, userAgent, visitorId, source);
    }
}
