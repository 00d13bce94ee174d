package app.tinylytics.simulator;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** A native demo image carries the OpenAPI document the simulator serves: the demo profile registers it. */
class SimulatorNativeResourcesTest {

    @Test
    void theDemoProfileRegistersTheOpenApiDocumentForNativeImages() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            properties.load(in);
        }
        String includes = properties.getProperty("%demo.quarkus.native.resources.includes", "");
        String resource = DiscoveryResource.OPENAPI_RESOURCE.substring(1);

        assertNotNull(SimulatorNativeResourcesTest.class.getResource(DiscoveryResource.OPENAPI_RESOURCE));
        assertTrue(Arrays.stream(includes.split(",")).map(String::strip).anyMatch(resource::equals),
                "%demo.quarkus.native.resources.includes must list " + resource + ", has: " + includes);
    }
}
