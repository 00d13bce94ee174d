package app.tinylytics.gateway.writes;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.upstream.dto.EventDto;

/** An event just recorded by {@code trackEvent}; upstream has no endpoint to read events back. */
@Description("An event just recorded.")
public record TrackedEvent(
        @Id @NonNull String id,
        @Description("upstream `event`") @NonNull String name,
        String value,
        String url,
        String path,
        String referrer,
        String country,
        String source,
        String uniqueHash,
        String visitorHash,
        @NonNull OffsetDateTime createdAt) {

    public static TrackedEvent from(EventDto dto) {
        return new TrackedEvent(String.valueOf(dto.id()), dto.event(), dto.value(), dto.url(), dto.path(), dto.referrer(),
                dto.country(), dto.source(), dto.uniqueHash(), dto.visitorHash(), dto.createdAt());
    }
}
