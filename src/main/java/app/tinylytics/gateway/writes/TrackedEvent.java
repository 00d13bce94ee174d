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
        @Description("2-letter country code, as given or looked up from the IP address.") String country,
        String source,
        @Description("The same for one visitor on this site on one day (daily uniques).") String uniqueHash,
        @Description("The same for one visitor on this site (journeys).") String visitorHash,
        @NonNull OffsetDateTime createdAt) {

    public static TrackedEvent from(EventDto dto) {
        return new TrackedEvent(String.valueOf(dto.id()), dto.event(), dto.value(), dto.url(), dto.path(), dto.referrer(),
                dto.country(), dto.source(), dto.uniqueHash(), dto.visitorHash(), dto.createdAt());
    }
}
