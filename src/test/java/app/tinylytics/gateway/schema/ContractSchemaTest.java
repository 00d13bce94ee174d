package app.tinylytics.gateway.schema;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The served schema keeps every promise of the contract schema (a copy of
 * {@code shared/design/schema.graphql} in test resources): no removed or renamed type, field,
 * argument or enum value, no weakened nullability.
 */
@QuarkusTest
class ContractSchemaTest {

    static String servedSchema() {
        return given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
    }

    @Test
    void servedSchemaHasNoBreakingChangeAgainstTheContract() throws IOException {
        String contract = Files.readString(Path.of("src/test/resources/contract/schema.graphql"));

        CapturingReporter reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(contract, servedSchema()), reporter);

        String breakages = reporter.getBreakages().stream()
                .map(event -> event.getCategory() + " " + event.getTypeName() + "." + event.getFieldName() + ": "
                        + event.getReasonMsg())
                .collect(Collectors.joining("\n"));
        assertEquals("", breakages, "breaking changes against the contract schema");
    }
}
