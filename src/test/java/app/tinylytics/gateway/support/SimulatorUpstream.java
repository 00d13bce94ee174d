package app.tinylytics.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The upstream of the {@code *IT} suites: the demo build ({@code target/demo/quarkus-run.jar}, which includes the
 * simulator that the production jar under test lacks) started as its own process on a free loopback port.
 */
public class SimulatorUpstream implements QuarkusTestResourceLifecycleManager {

    /** System property holding the upstream's root URL while it runs, for {@link Simulator#reset()}. */
    public static final String URL_PROPERTY = "tinylytics.test.simulator-upstream";
    /** Where the demo build is; failsafe passes the path, the default serves runs from the project directory. */
    static final String JAR_PROPERTY = "tinylytics.test.demo-jar";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private Process process;

    @Override
    public Map<String, String> start() {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, "target/demo/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No demo build at " + jar.toAbsolutePath()
                    + ": build it with ./mvnw package (without -DskipDemoBuild)");
        }
        int port = freePort();
        Path log = jar.toAbsolutePath().getParent().resolveSibling("simulator-upstream.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            process = new ProcessBuilder(List.of(java, "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                    "-jar", jar.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A failsafe JVM that is stopped before stop() runs must not leave the upstream behind.
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        String root = "http://127.0.0.1:" + port;
        awaitReady(URI.create(root + "/simulator/api/v1"), log);
        System.setProperty(URL_PROPERTY, root);
        return Map.of("tinylytics.api.base-url", root + "/simulator/api/v1");
    }

    @Override
    public void stop() {
        System.clearProperty(URL_PROPERTY);
        Processes.stop(process);
    }

    private void awaitReady(URI discovery, Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The simulator upstream exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the simulator upstream", e);
            }
            sleep(Duration.ofMillis(200));
        }
        stop();
        throw new IllegalStateException("The simulator upstream did not answer " + discovery + " within " + STARTUP_TIMEOUT
                + "; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
