package app.tinylytics.gateway.sites;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.runtime.annotations.RegisterForReflection;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.upstream.dto.SiteDto;

/**
 * A tracked site. Its components are the values of one {@code /sites} answer; every other {@code Site} field
 * (hits, kudos, leaderboard, ...) is a {@code @Source} resolver in its feature package that costs an upstream call,
 * fetched only when asked for, all of them concurrently. {@code security/OperationPlan} counts on exactly that.
 */
@Description("A site tracked by Tinylytics, with its lifetime counters.")
@RegisterForReflection
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
        return new Site(String.valueOf(dto.id()), dto.uid(), dto.url(), dto.label(),
                Mapping.saturated(dto.lifetimeHits()), Mapping.saturated(dto.lifetimeUniqueHits()),
                Mapping.saturated(dto.lifetimeKudos()), dto.active(), dto.publicSite(), dto.createdAt(), dto.updatedAt());
    }

    /** The numeric id used in upstream paths. */
    @Ignore
    public long numericId() {
        return Long.parseLong(id);
    }
}
