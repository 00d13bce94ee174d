package app.tinylytics.gateway.kudos;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.upstream.dto.KudoDto;

/** One kudo, as listed by {@code kudos} or returned by the {@code giveKudo} mutation. */
@Description("One kudo given to a page.")
public record Kudo(
        @Id @NonNull String id,
        @NonNull String uid,
        @NonNull String path,
        @NonNull OffsetDateTime createdAt) {

    public static Kudo from(KudoDto dto) {
        return new Kudo(String.valueOf(dto.id()), dto.uid(), dto.path(), dto.createdAt());
    }
}
