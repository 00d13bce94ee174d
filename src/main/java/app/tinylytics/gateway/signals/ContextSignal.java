package app.tinylytics.gateway.signals;

import java.time.OffsetDateTime;

import jakarta.json.JsonObject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.JsonValues;
import app.tinylytics.gateway.upstream.dto.SignalDto;

/** An owner-submitted context signal, as listed by {@code signals}, embedded in insights and returned by {@code submitSignal}. */
@Description("An event the site owner reported (newsletter, launch, ...) that helps explain traffic changes.")
public record ContextSignal(
        @Id @NonNull String id,
        @NonNull OffsetDateTime occurredAt,
        @NonNull String title,
        String description,
        SignalCategory category,
        @Description("Free-form JSON object the owner attached, e.g. url, path, campaign, tags.") JsonObject metadata,
        @Description("Idempotency key, unique per site.") String externalId) {

    public static ContextSignal from(SignalDto dto) {
        return new ContextSignal(String.valueOf(dto.id()), dto.occurredAt(), dto.title(), dto.description(),
                SignalCategory.fromUpstream(dto.category()), JsonValues.toJsonObject(dto.metadata()), dto.externalId());
    }
}
