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
        // The rest of the VisitFields, one line as they are checked and sent there:
        String country, String ipAddress, String url, String referrer, String userAgent, String visitorId, String source)
        implements VisitFields, WriteInput<EventWriteDto> {

    @Override
    public void validate(String argument) {
        Arguments.eventName(argument + ".name", name);
        Arguments.text(argument + ".value", value, TextLimit.EVENT_VALUE);
        Arguments.optionalText(argument + ".path", path, TextLimit.PATH);
        validateVisit(argument);
    }

    @Override
    public EventWriteDto toUpstream() {
        return new EventWriteDto(name, value, visitToUpstream());
    }
}
