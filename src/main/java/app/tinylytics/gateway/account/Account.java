package app.tinylytics.gateway.account;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.upstream.dto.ApiKeyDto;
import app.tinylytics.gateway.upstream.dto.MeDto;

/** The Tinylytics account behind the API key in use. */
@Description("The account behind the API key in use.")
public record Account(
        @Id @NonNull String id,
        @NonNull String email,
        @Name("isSubscribed") boolean isSubscribed,
        @NonNull OffsetDateTime createdAt,
        @NonNull ApiKeyInfo apiKey) {

    public static Account from(MeDto dto) {
        ApiKeyDto key = dto.apiKey() != null ? dto.apiKey() : new ApiKeyDto(null, null, null);
        return new Account(String.valueOf(dto.id()), dto.email(), dto.isSubscribed(), dto.createdAt(), ApiKeyInfo.from(key));
    }
}
