package app.tinylytics.gateway.schema;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import graphql.language.FieldDefinition;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The served schema keeps every promise of the contract schema (a copy of {@code shared/design/schema.graphql} in
 * test resources, whose header comment points at docs/upstream.md rather than at a file outside the repository; both
 * are compared parsed, so comments do not count): no removed or renamed type, field, argument or enum value, no
 * weakened nullability, and (contract v1.1) no output field served non-null where the contract keeps it nullable, so
 * one failing upstream call nulls its own field, not its parent.
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

    @Test
    void outputFieldsTheContractKeepsNullableAreServedNullable() throws IOException {
        TypeDefinitionRegistry contract = new SchemaParser().parse(Files.readString(Path.of("src/test/resources/contract/schema.graphql")));
        TypeDefinitionRegistry served = new SchemaParser().parse(servedSchema());

        List<String> madeNonNull = new ArrayList<>();
        for (ObjectTypeDefinition type : contract.getTypes(ObjectTypeDefinition.class)) {
            ObjectTypeDefinition servedType = served.getType(type.getName(), ObjectTypeDefinition.class).orElseThrow();
            for (FieldDefinition field : type.getFieldDefinitions()) {
                boolean servedNonNull = servedType.getFieldDefinitions().stream()
                        .filter(f -> f.getName().equals(field.getName()))
                        .anyMatch(f -> f.getType() instanceof NonNullType);
                if (!(field.getType() instanceof NonNullType) && servedNonNull) {
                    madeNonNull.add(type.getName() + "." + field.getName());
                }
            }
        }
        assertEquals(List.of(), madeNonNull, "fields the contract keeps nullable but the gateway serves non-null");
    }
}
