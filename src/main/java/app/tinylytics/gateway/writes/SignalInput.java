package app.tinylytics.gateway.writes;

import java.time.OffsetDateTime;

import jakarta.json.JsonObject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.common.TextLimit;
import app.tinylytics.gateway.common.JsonValues;
import app.tinylytics.gateway.signals.SignalCategory;
import app.tinylytics.gateway.upstream.dto.SignalWriteDto;

/** A context signal to submit: something the owner did that may explain traffic. */
@Description("An owner context signal: a newsletter, launch, social post, maintenance window...")
@Input("SignalInput")
public record SignalInput(
        @NonNull OffsetDateTime occurredAt,
        @Description("At most 200 characters.") @NonNull String title,
        @Description("At most 5000 characters.") String description,
        SignalCategory category,
        JsonObject metadata,
        @Description("Idempotency key, unique per site: reusing it updates the signal.") String externalId)
        implements WriteInput<SignalWriteDto> {

    @Override
    public void validate(String argument) {
        Arguments.present(argument + ".occurredAt", occurredAt);
        Arguments.requiredText(argument + ".title", title, TextLimit.SIGNAL_TITLE);
        Arguments.text(argument + ".description", description, TextLimit.SIGNAL_DESCRIPTION);
        Arguments.text(argument + ".metadata", metadata == null ? null : metadata.toString(), TextLimit.METADATA);
        Arguments.optionalText(argument + ".externalId", externalId, TextLimit.IDENTIFIER);
    }

    @Override
    public SignalWriteDto toUpstream() {
        return new SignalWriteDto(occurredAt, title, description, category == null ? null : category.upstreamValue(),
                JsonValues.toJsonNode(metadata), externalId);
    }
}
