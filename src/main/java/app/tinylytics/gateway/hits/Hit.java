package app.tinylytics.gateway.hits;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.upstream.dto.HitDto;

/** One page view, as listed by {@code hits} or returned by the {@code trackHit} mutation. */
@Description("One recorded page view.")
public record Hit(
        @Id @NonNull String id,
        String url,
        @NonNull String path,
        String referrer,
        String country,
        String browserName,
        String platformName,
        @Name("isMobile") boolean isMobile,
        String source,
        @Description("Only on a hit just written.") String uniqueHash,
        @Description("Only on a hit just written.") String visitorHash,
        @NonNull OffsetDateTime createdAt) {

    public static Hit from(HitDto dto) {
        return new Hit(String.valueOf(dto.id()), dto.url(), dto.path(), dto.referrer(), dto.country(),
                dto.browserName(), dto.platformName(), dto.isMobile(), dto.source(), dto.uniqueHash(),
                dto.visitorHash(), dto.createdAt());
    }
}
