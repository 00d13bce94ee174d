package app.tinylytics.gateway.writes;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Arguments;
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
        if (path != null) {
            Arguments.notBlank(argument + ".path", path);
        }
        Arguments.country(argument + ".country", country);
    }

    EventWriteDto toUpstream() {
        return new EventWriteDto(name, value, path, country, ipAddress, url, referrer, userAgent, visitorId, source);
    }
}
