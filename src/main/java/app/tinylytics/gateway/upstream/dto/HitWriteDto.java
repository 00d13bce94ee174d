package app.tinylytics.gateway.upstream.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of {@code POST /sites/:id/hits} and one row of {@code POST /sites/:id/hits/batch}, and the page and visitor
 * part of an event body ({@link EventWriteDto}); absent fields are omitted.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HitWriteDto(
        String path,
        String country,
        String ipAddress,
        String url,
        String referrer,
        String userAgent,
        String visitorId,
        String source) {
}
