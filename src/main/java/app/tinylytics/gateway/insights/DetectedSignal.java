package app.tinylytics.gateway.insights;

import java.time.OffsetDateTime;

import jakarta.json.JsonObject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.JsonValues;
import app.tinylytics.gateway.upstream.dto.DetectedSignalDto;

/** An auto-detected signal snapshot stored with an insight report. */
@Description("A signal Tinylytics detected on its own (e.g. a traffic change) when generating an insight.")
public record DetectedSignal(
        @NonNull String type,
        @NonNull String headline,
        String summary,
        Integer importanceScore,
        OffsetDateTime detectedAt,
        TimeWindow window,
        @Description("A small excerpt of the data behind the signal, as a JSON object.") JsonObject payloadExcerpt) {

    public static DetectedSignal from(DetectedSignalDto dto) {
        return new DetectedSignal(dto.type(), dto.headline(), dto.summary(), dto.importanceScore(), dto.detectedAt(),
                TimeWindow.from(dto.window()), JsonValues.toJsonObject(dto.payloadExcerpt()));
    }
}
