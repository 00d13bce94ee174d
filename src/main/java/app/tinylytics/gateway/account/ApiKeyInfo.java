package app.tinylytics.gateway.account;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.upstream.dto.ApiKeyDto;

/** Metadata of the API key in use (never the key itself). */
@Description("The API key in use: its name and access type, never its value.")
public record ApiKeyInfo(String name, @NonNull ApiAccessType accessType, OffsetDateTime lastUsedAt) {

    public static ApiKeyInfo from(ApiKeyDto dto) {
        return new ApiKeyInfo(dto.name(), ApiAccessType.from(dto.accessType()), dto.lastUsedAt());
    }
}
