package app.tinylytics.gateway.upstream.cache;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One cached upstream answer: its JSON, when it was fetched and until when it is fresh. Kept as
 * JSON so that the same entry works in Caffeine and in Redis; decoded once per instance.
 */
@RegisterForReflection
public final class CachedRead {

    private final String json;
    private final long fetchedAtMillis;
    private final long freshUntilMillis;
    @JsonIgnore
    private volatile Object decoded;

    @JsonCreator
    public CachedRead(@JsonProperty("json") String json, @JsonProperty("fetchedAtMillis") long fetchedAtMillis,
            @JsonProperty("freshUntilMillis") long freshUntilMillis) {
        this.json = json;
        this.fetchedAtMillis = fetchedAtMillis;
        this.freshUntilMillis = freshUntilMillis;
    }

    public static CachedRead of(Object value, ObjectMapper mapper, Instant fetchedAt, Instant freshUntil) {
        try {
            CachedRead read = new CachedRead(mapper.writeValueAsString(value), fetchedAt.toEpochMilli(), freshUntil.toEpochMilli());
            read.decoded = value;
            return read;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An upstream DTO could not be written as JSON", e);
        }
    }

    @JsonProperty
    public String json() {
        return json;
    }

    @JsonProperty
    public long fetchedAtMillis() {
        return fetchedAtMillis;
    }

    @JsonProperty
    public long freshUntilMillis() {
        return freshUntilMillis;
    }

    public Instant fetchedAt() {
        return Instant.ofEpochMilli(fetchedAtMillis);
    }

    public boolean isFreshAt(Instant now) {
        return now.toEpochMilli() < freshUntilMillis;
    }

    /** The answer as the given DTO type. */
    @SuppressWarnings("unchecked")
    public <T> T value(Class<T> type, ObjectMapper mapper) {
        Object value = decoded;
        if (!type.isInstance(value)) {
            try {
                value = mapper.readValue(json, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A cached upstream answer could not be read as " + type.getSimpleName(), e);
            }
            decoded = value;
        }
        return (T) value;
    }
}
