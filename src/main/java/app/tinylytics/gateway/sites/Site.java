package app.tinylytics.gateway.sites;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.upstream.dto.SiteDto;

/**
 * A tracked site. Its analytics fields (hits, kudos, leaderboard, ...) are {@code @Source} resolvers in
 * the feature packages, so each is fetched only when asked for, and all of them concurrently.
 */
@Description("A site tracked by Tinylytics, with its lifetime counters.")
public record Site(
        @Id @NonNull String id,
        @NonNull String uid,
        @NonNull String url,
        String label,
        int lifetimeHits,
        int lifetimeUniqueHits,
        int lifetimeKudos,
        boolean active,
        @Name("public") boolean publicSite,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt) {

    public static Site from(SiteDto dto) {
        return new Site(String.valueOf(dto.id()), dto.uid(), dto.url(), dto.label(), saturated(dto.lifetimeHits()),
                saturated(dto.lifetimeUniqueHits()), saturated(dto.lifetimeKudos()), dto.active(), dto.publicSite(),
                dto.createdAt(), dto.updatedAt());
    }

    /** The numeric id used in upstream paths. */
    @Ignore
    public long numericId() {
        return Long.parseLong(id);
    }

    /** GraphQL Int is 32-bit; lifetime counters beyond it are capped rather than wrapped. */
    private static int saturated(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }
}
