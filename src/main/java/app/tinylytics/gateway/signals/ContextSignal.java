package app.tinylytics.gateway.signals;

import java.time.OffsetDateTime;

import jakarta.json.JsonObject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.JsonValues;
import app.tinylytics.gateway.upstream.dto.SignalDto;

/** An event the site owner told Tinylytics about, to explain traffic changes. */
@Description("An owner-submitted context signal.")
public record ContextSignal(
        @Id @NonNull String id,
        @NonNull OffsetDateTime occurredAt,
        @NonNull String title,
        String description,
        SignalCategory category,
        JsonObject metadata,
        String externalId) {

    public static ContextSignal from(SignalDto dto) {
        return new ContextSignal(String.valueOf(dto.id()), dto.occurredAt(), dto.title(), dto.description(),
                SignalCategory.fromUpstream(dto.category()), JsonValues.toJsonObject(dto.metadata()), dto.externalId());
    }
}
