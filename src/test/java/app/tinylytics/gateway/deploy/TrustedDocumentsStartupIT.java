package app.tinylytics.gateway.deploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.tinylytics.gateway.common.Sha256;

/**
 * The production jar refuses to start with a trusted documents manifest it cannot trust, and says why: a deployment
 * must not come up serving either nothing or documents nobody reviewed.
 */
class TrustedDocumentsStartupIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @TempDir
    Path folder;

    private record Run(boolean exited, int exitCode, String output) {
    }

    private Run startWith(String manifestJson) throws IOException, InterruptedException {
        Path manifest = Files.writeString(folder.resolve("manifest.json"), manifestJson);
        Path log = folder.resolve("gateway.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("GATEWAY_DOCUMENTS_MANIFEST", manifest.toString());
        Process process = builder.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return new Run(exited, exited ? process.exitValue() : -1, Files.readString(log));
    }

    private static String apollo(String name, String id, String body) {
        return "{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": [{\"id\": \"" + id
                + "\", \"name\": \"" + name + "\", \"type\": \"query\", \"body\": \"" + body + "\"}]}";
    }

    @Test
    void anIdThatIsNotItsBodysHashStopsTheStart() throws Exception {
        Run run = startWith(apollo("Sites", "0".repeat(64), "query Sites { sites { id } }"));

        assertTrue(run.exited() && run.exitCode() != 0, () -> "expected a failed start:\n" + run.output());
        assertThat(run.output(), containsString("GATEWAY_DOCUMENTS_MANIFEST"));
        assertThat(run.output(), containsString("operation 'Sites' (operations[0]) has id"));
    }

    @Test
    void aDocumentTheSchemaDoesNotServeStopsTheStart() throws Exception {
        String body = "query Gone { sites { noSuchField } }";

        Run run = startWith(apollo("Gone", Sha256.hex(body), body));

        assertTrue(run.exited() && run.exitCode() != 0, () -> "expected a failed start:\n" + run.output());
        assertThat(run.output(), containsString("operation 'Gone' (operations[0]), which does not validate against the schema"));
        assertThat(run.output(), not(containsString("Listening on")));
    }
}
