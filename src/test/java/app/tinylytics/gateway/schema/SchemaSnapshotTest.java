package app.tinylytics.gateway.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The schema the app serves is the one under version control in {@code docs/schema.graphql}, so every
 * schema change shows up as a reviewed diff. After an intended change, refresh the file with
 * {@code ./mvnw test -Dtest=SchemaSnapshotTest -Dschema.update=true} and commit it.
 */
@QuarkusTest
class SchemaSnapshotTest {

    static final Path SNAPSHOT = Path.of("docs/schema.graphql");

    @Test
    void servedSchemaMatchesTheCommittedSnapshot() throws IOException {
        String served = ContractSchemaTest.servedSchema();
        if (Boolean.getBoolean("schema.update")) {
            Files.writeString(SNAPSHOT, served);
        }
        String committed = Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT) : "";
        assertEquals(committed, served, "The served schema drifted from " + SNAPSHOT
                + "; if intended, run ./mvnw test -Dtest=SchemaSnapshotTest -Dschema.update=true and commit the file");
    }
}
