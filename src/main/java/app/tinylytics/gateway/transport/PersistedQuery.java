package app.tinylytics.gateway.transport;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A request's {@code extensions.persistedQuery} (Apollo's automatic persisted queries, version 1): the SHA-256 of the
 * document in hex. Read strictly, so that a client that means to send a hash never has it silently ignored.
 */
record PersistedQuery(String sha256Hash) {

    static final int VERSION = 1;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    /** The persisted query a request names, or null when it names none. */
    static PersistedQuery of(GraphQLRequest request) {
        Object member = request.extensions().get("persistedQuery");
        if (member == null) {
            return null;
        }
        if (!(member instanceof Map<?, ?> persisted)) {
            throw RequestRefusal.badRequest("'extensions.persistedQuery' must be an object {\"version\": 1, \"sha256Hash\": \"<hex>\"}.");
        }
        Object version = persisted.get("version");
        if (!(version instanceof Integer number) || number != VERSION) {
            throw RequestRefusal.badRequest("'extensions.persistedQuery.version' " + (version == null ? "is missing" : "is " + version)
                    + ": this gateway speaks persisted queries version " + VERSION + " (sha256Hash).");
        }
        if (!(persisted.get("sha256Hash") instanceof String hash) || !SHA256_HEX.matcher(hash).matches()) {
            throw RequestRefusal.badRequest("'extensions.persistedQuery.sha256Hash' must be the SHA-256 of the document as 64 hex"
                    + " digits.");
        }
        return new PersistedQuery(hash.toLowerCase(Locale.ROOT));
    }
}
