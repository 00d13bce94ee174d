package app.tinylytics.gateway.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.tinylytics.gateway.common.Sha256;

/**
 * Reading a trusted documents manifest: Apollo's format and GraphQL Codegen's hash-to-document object load; anything
 * that would trust a document nobody generated, or that is not a manifest at all, fails with a message naming the file
 * and what is wrong.
 */
class DocumentsManifestTest {

    static final String QUERY = "query One { __typename }";

    @TempDir
    Path folder;

    private Path write(String json) {
        try {
            return Files.writeString(folder.resolve("manifest.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String failure(String json) {
        return assertThrows(IllegalStateException.class, () -> DocumentsManifest.load(write(json))).getMessage();
    }

    private static String apollo(String operations) {
        return "{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": [" + operations + "]}";
    }

    @Test
    void anApolloManifestLoadsItsOperationsByHash() {
        DocumentsManifest manifest = DocumentsManifest.load(write(apollo(
                "{\"id\": \"" + Sha256.hex(QUERY) + "\", \"name\": \"One\", \"type\": \"query\", \"body\": \"" + QUERY + "\"}")));

        assertEquals(QUERY, manifest.document(Sha256.hex(QUERY)));
    }

    @Test
    void aHashToDocumentObjectLoads() {
        DocumentsManifest manifest = DocumentsManifest.load(write("{\"" + Sha256.hex(QUERY) + "\": \"" + QUERY + "\"}"));

        assertEquals(QUERY, manifest.document(Sha256.hex(QUERY)));
    }

    @Test
    void anIdThatIsNotTheHashOfItsBodyIsRefusedNamingTheOperation() {
        String message = failure(apollo("{\"id\": \"" + "0".repeat(64) + "\", \"name\": \"One\", \"body\": \"" + QUERY + "\"}"));

        assertThat(message, containsString("operation 'One' (operations[0]) has id " + "0".repeat(64)));
        assertThat(message, containsString(Sha256.hex(QUERY)));
        assertThat(message, containsString("GATEWAY_DOCUMENTS_MANIFEST"));
    }

    @Test
    void brokenManifestsSayWhatIsWrong() {
        assertThat(failure("{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1"), containsString("cannot be read as JSON"));
        assertThat(failure("[]"), containsString("is not a JSON object"));
        assertThat(failure("{\"format\": \"relay\", \"version\": 1, \"operations\": []}"), containsString("has format \"relay\""));
        assertThat(failure("{\"format\": \"apollo-persisted-query-manifest\", \"version\": 2, \"operations\": []}"),
                containsString("has version 2"));
        assertThat(failure(apollo("{\"id\": \"" + Sha256.hex(QUERY) + "\"}")), containsString("operations[0] has no \"body\" string"));
        assertThat(failure(apollo("")), containsString("lists no operations"));
        assertThat(failure("{\"" + Sha256.hex(QUERY) + "\": 1}"), containsString("is not a string"));
    }

    @Test
    void aMissingFileSaysSo() {
        String message = assertThrows(IllegalStateException.class,
                () -> DocumentsManifest.load(folder.resolve("absent.json"))).getMessage();

        assertThat(message, containsString("absent.json"));
        assertThat(message, containsString("cannot be read"));
    }
}
