package app.tinylytics.gateway.upstream.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One cached upstream answer in its only stored form, the JSON bytes (so its weight is known and the same entry
 * works in memory and in Redis), with when it was fetched, until when it is fresh, and the invalidation
 * generation of its site and endpoint at the time it was asked for.
 */
public final class CachedRead {

    private static final int HEADER_BYTES = 3 * Long.BYTES;

    private final byte[] json;
    private final long fetchedAtMillis;
    private final long freshUntilMillis;
    private final long generation;

    CachedRead(byte[] json, long fetchedAtMillis, long freshUntilMillis, long generation) {
        this.json = json;
        this.fetchedAtMillis = fetchedAtMillis;
        this.freshUntilMillis = freshUntilMillis;
        this.generation = generation;
    }

    public static CachedRead of(Object value, ObjectMapper mapper, Instant fetchedAt, Instant freshUntil, long generation) {
        try {
            return new CachedRead(mapper.writeValueAsBytes(value), fetchedAt.toEpochMilli(), freshUntil.toEpochMilli(), generation);
        } catch (IOException e) {
            throw new IllegalStateException("An upstream DTO could not be written as JSON", e);
        }
    }

    /** The answer as the given DTO type, decoded from its JSON. */
    public <T> T value(Class<T> type, ObjectMapper mapper) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("A cached upstream answer could not be read as " + type.getSimpleName(), e);
        }
    }

    public Instant fetchedAt() {
        return Instant.ofEpochMilli(fetchedAtMillis);
    }

    public Instant freshUntil() {
        return Instant.ofEpochMilli(freshUntilMillis);
    }

    public boolean isFreshAt(Instant now) {
        return now.toEpochMilli() < freshUntilMillis;
    }

    /** Fresh at {@code now} with its freshness lengthened {@code factor} times. */
    public boolean isFreshAt(Instant now, double factor) {
        return now.toEpochMilli() < fetchedAtMillis + (long) ((freshUntilMillis - fetchedAtMillis) * factor);
    }

    /** Whether it was fetched within {@code maxAge} of {@code now}. */
    public boolean isYoungerThan(Duration maxAge, Instant now) {
        return now.toEpochMilli() - fetchedAtMillis < maxAge.toMillis();
    }

    /** A version of the content: equal content, equal stamp (so a refresh that changed nothing changes nothing). */
    public long contentStamp() {
        CRC32 crc = new CRC32();
        crc.update(json);
        return crc.getValue() ^ ((long) json.length << 32);
    }

    public long generation() {
        return generation;
    }

    /** Bytes this entry holds: what the caches weigh it by. */
    public int weight() {
        return json.length + HEADER_BYTES;
    }

    /** The entry as one byte string, for a shared store. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(HEADER_BYTES + json.length).putLong(fetchedAtMillis).putLong(freshUntilMillis)
                .putLong(generation).put(json).array();
    }

    /** The entry {@link #toBytes()} wrote; null for anything else. */
    public static CachedRead fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_BYTES) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long fetchedAt = buffer.getLong();
        long freshUntil = buffer.getLong();
        long generation = buffer.getLong();
        byte[] json = new byte[buffer.remaining()];
        buffer.get(json);
        return new CachedRead(json, fetchedAt, freshUntil, generation);
    }
}
