package app.tinylytics.gateway.security.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import app.tinylytics.gateway.support.Processes;

/**
 * The packaged production jar ({@code target/quarkus-app}) run as its own process, the way an operator runs it: the
 * prod profile (no {@code QUARKUS_PROFILE}, so none of dev's or test's open defaults), configured by environment
 * variables alone, its whole output captured in a file so the suite can search it for keys.
 */
final class PackagedGateway implements AutoCloseable {

    /** The port range this suite may use for what it starts itself (other engineers' builds share the machine). */
    private static final int FIRST_PORT = 19500;
    private static final int LAST_PORT = 19599;
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(FIRST_PORT);
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private PackagedGateway(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the jar with these environment variables (besides host and port) and waits until it is live. */
    static PackagedGateway start(String name, Map<String, String> environment, Path logDirectory) {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar.toAbsolutePath() + ": run ./mvnw package first");
        }
        int port = freePort();
        Path log = logDirectory.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Nothing inherited could switch the profile: the prod profile is the one under test.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("QUARKUS_") || variable.startsWith("GATEWAY_")
                || variable.startsWith("TINYLYTICS_"));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        Process process;
        try {
            Files.createDirectories(logDirectory);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("The packaged gateway '" + name + "' could not be started", e);
        }
        // A failsafe JVM stopped before close() runs must not leave the gateway behind.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        PackagedGateway gateway = new PackagedGateway(name, port, log, process);
        gateway.awaitLive();
        return gateway;
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>/graphql}. */
    URI graphql() {
        return URI.create("http://127.0.0.1:" + port + "/graphql");
    }

    /** The Prometheus scrape, as anyone who reaches the port can read it. */
    String metrics() {
        return get("/q/metrics").body();
    }

    /** Everything the process has written so far. */
    String logText() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path log() {
        return log;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        Processes.stop(process);
    }

    private void awaitLive() {
        Instant deadline = Instant.now().plus(STARTUP);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The packaged gateway '" + name + "' exited with " + process.exitValue()
                        + ":\n" + logText());
            }
            try {
                if (get("/q/health/live").statusCode() == 200) {
                    break;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            if (Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException("The packaged gateway '" + name + "' was not live within " + STARTUP + "; see " + log);
            }
            pause(Duration.ofMillis(200));
        }
        if (!logText().contains("Profile prod activated")) {
            close();
            throw new IllegalStateException("The packaged gateway '" + name + "' did not run the prod profile; see " + log);
        }
    }

    private HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next port of the suite's range that nobody listens on. */
    static int freePort() {
        while (true) {
            int candidate = NEXT_PORT.getAndIncrement();
            if (candidate > LAST_PORT) {
                throw new IllegalStateException("No free port left in " + FIRST_PORT + "-" + LAST_PORT);
            }
            try (ServerSocket socket = new ServerSocket(candidate, 0, InetAddress.getLoopbackAddress())) {
                return candidate;
            } catch (IOException taken) {
                // someone else's: try the next one
            }
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
