package app.tinylytics.gateway.schema;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ContractSchemaTest} against the packaged jar. */
@QuarkusIntegrationTest
class ContractSchemaIT extends ContractSchemaTest {
}
