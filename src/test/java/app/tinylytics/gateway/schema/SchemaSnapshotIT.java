package app.tinylytics.gateway.schema;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SchemaSnapshotTest} against the packaged jar. */
@QuarkusIntegrationTest
class SchemaSnapshotIT extends SchemaSnapshotTest {
}
