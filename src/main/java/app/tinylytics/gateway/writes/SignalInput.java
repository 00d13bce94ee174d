package app.tinylytics.gateway.writes;

import java.time.OffsetDateTime;

import jakarta.json.JsonObject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Arguments;
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
        @Description("Idempotency key, unique per site: reusing it updates the signal.") String externalId) {

    /** Upstream's documented limits. */
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 5000;

    void validate(String argument) {
        Arguments.present(argument + ".occurredAt", occurredAt);
        Arguments.notBlank(argument + ".title", title);
        Arguments.maxLength(argument + ".title", title, MAX_TITLE);
        Arguments.maxLength(argument + ".description", description, MAX_DESCRIPTION);
        if (externalId != null) {
            Arguments.notBlank(argument + ".externalId", externalId);
        }
    }

    SignalWriteDto toUpstream() {
        return new SignalWriteDto(occurredAt, title, description, category == null ? null : category.upstreamValue(),
                JsonValues.toJsonNode(metadata), externalId);
    }
}
