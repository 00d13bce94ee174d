package app.tinylytics.gateway.transport;

import java.util.Map;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.execution.preparsed.PreparsedDocumentEntry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

import app.tinylytics.gateway.common.Sha256;
import app.tinylytics.gateway.config.GatewayConfig;

/**
 * The one place that decides which document a request runs, for every transport ({@link OperationChecks} asks it
 * first): the document sent, or the one a persisted-query hash names (Apollo's automatic persisted queries), and, in
 * trusted-documents mode, only a document of the manifest.
 * <p>
 * Registered documents live in this process only, even when replicas share Redis: a replica that does not know a hash
 * answers {@code PERSISTED_QUERY_NOT_FOUND} and the client registers the document there with its next request, one
 * round trip per document and replica in the process's life, while a shared store would cost a Redis round trip on
 * every request it must look up and a Redis whose memory any client can fill. Deployments that want no registration
 * at all ship a manifest, which every replica reads at start.
 */
@Startup
@Singleton
public class PersistedDocuments {

    /** Bookkeeping of one registered document beyond its characters: the hash, the map node, object headers. */
    private static final int ENTRY_OVERHEAD = 200;
    /** No document registered may take more than this share of the store, so one client cannot flush it at once. */
    private static final int LARGEST_SHARE = 64;

    private final Documents documents;
    private final DocumentsManifest manifest;
    private final Cache<String, String> registered;
    private final long largestDocument;

    PersistedDocuments(GatewayConfig config, Documents documents,
            @ConfigProperty(name = "quarkus.smallrye-graphql.ui.enabled", defaultValue = "false") boolean graphiql) {
        this.documents = documents;
        this.manifest = config.trustedDocuments().manifest().map(DocumentsManifest::load).orElse(null);
        long maxBytes = config.persistedQueries().maxBytes().asLongValue();
        this.largestDocument = maxBytes / LARGEST_SHARE;
        this.registered = manifest != null || maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String hash, String document) -> document.length() + ENTRY_OVERHEAD)
                .build();
        if (manifest != null) {
            validate(manifest);
            Log.infof("Trusted documents: only the %d operations of %s run", manifest.documents().size(), manifest.source());
            if (graphiql) {
                Log.warn("GraphiQL is served, but with GATEWAY_DOCUMENTS_MANIFEST only the manifest's operations run: GraphiQL"
                        + " cannot load the schema (introspection is not in the manifest) and runs only a manifest document"
                        + " pasted exactly. Explore the API on a build without a manifest.");
            }
        }
    }

    /**
     * The request with the document it runs: the one it sent, or the one its {@code persistedQuery} hash names. A hash
     * sent with its document registers the document, once it parses and validates. Refused: an unknown hash
     * ({@code PERSISTED_QUERY_NOT_FOUND}, the client then sends the document), a hash that is not the document's
     * ({@code PERSISTED_QUERY_HASH_MISMATCH}), and with a manifest any document not in it ({@code OPERATION_NOT_TRUSTED}).
     */
    public GraphQLRequest resolve(GraphQLRequest request) {
        PersistedQuery persisted = PersistedQuery.of(request);
        if (persisted == null) {
            if (manifest != null && request.query() != null) {
                requireTrusted(Sha256.hex(request.query()));
            }
            return request;
        }
        if (manifest == null && registered == null) {
            throw RequestRefusal.requestError("PERSISTED_QUERY_NOT_SUPPORTED", "PersistedQueryNotSupported");
        }
        String hash = persisted.sha256Hash();
        if (request.query() == null) {
            String document = manifest != null ? manifest.document(hash) : registered.getIfPresent(hash);
            if (document == null) {
                throw RequestRefusal.requestError("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
            }
            return request.withQuery(document);
        }
        if (!Sha256.hex(request.query()).equals(hash)) {
            throw RequestRefusal.http(400, "PERSISTED_QUERY_HASH_MISMATCH", "'extensions.persistedQuery.sha256Hash' is not"
                    + " the SHA-256 of 'query': hash the document exactly as sent, in UTF-8, as lower-case hex.");
        }
        if (manifest != null) {
            requireTrusted(hash);
        } else {
            register(hash, request.query());
        }
        return request;
    }

    /** Keeps a document that parses and validates (the shared parse is reused when it runs) and is not too large. */
    private void register(String hash, String document) {
        if (document.length() > largestDocument || registered.getIfPresent(hash) != null) {
            return;
        }
        PreparsedDocumentEntry entry = documents.entry(document);
        if (entry.getDocument() != null && !entry.hasErrors()) {
            registered.put(hash, document);
        }
    }

    private void requireTrusted(String hash) {
        if (manifest.document(hash) == null) {
            throw RequestRefusal.requestError("OPERATION_NOT_TRUSTED", "This gateway runs only the operations of its trusted"
                    + " documents manifest, and this document is not one of them: add it to the frontend's manifest and"
                    + " deploy that manifest.");
        }
    }

    /** A manifest whose documents the served schema does not accept is refused at start, not request by request. */
    private void validate(DocumentsManifest manifest) {
        for (Map.Entry<String, String> trusted : manifest.documents().entrySet()) {
            PreparsedDocumentEntry entry = documents.entry(trusted.getValue());
            if (entry.hasErrors()) {
                throw manifest.broken("holds " + manifest.describe(trusted.getKey()) + ", which "
                        + (entry.getDocument() == null ? "does not parse" : "does not validate against the schema") + ": "
                        + entry.getErrors().get(0).getMessage());
            }
        }
    }
}
