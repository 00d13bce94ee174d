package app.tinylytics.gateway.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import app.tinylytics.gateway.upstream.shared.SharedState;

/**
 * A real {@code redis-server} process (Debian package) on a free loopback port, without persistence, for the Redis
 * backend's tests. {@code .ci/run} installs the package. Tests can stop it and start it again on the same port
 * ({@link #current()}) to see what the gateway does while Redis is away.
 */
public class RedisServer implements QuarkusTestResourceLifecycleManager {

    private static volatile RedisServer current;

    private Process process;
    private int port;

    /** The server the running test application uses. */
    public static RedisServer current() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        port = freePort();
        launch();
        current = this;
        return Map.of("gateway.cache.backend", "redis", "quarkus.redis.hosts", "redis://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        stopProcess();
    }

    /** Stops redis-server, as an outage would. */
    public void stopProcess() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts redis-server again on the same port, empty (nothing was persisted). */
    public void restartProcess() {
        stopProcess();
        launch();
    }

    public int port() {
        return port;
    }

    /**
     * For a test's clean-up: when {@code shared} sees Redis down (the test stopped it), starts it again and waits until
     * the gateway uses it again, so the next test starts with shared state up.
     */
    public void restartIfDown(SharedState shared) {
        if (!shared.isUp()) {
            restartProcess();
            awaitShared(shared, true);
        }
    }

    /** Waits, at most 20 s, until {@code shared}'s pings find Redis {@code up} (or down). */
    public static void awaitShared(SharedState shared, boolean up) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (shared.isUp() != up && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void launch() {
        try {
            Path log = Files.createTempFile("redis-test", ".log");
            process = new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitListening();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server could not be started: install it (apt-get install redis-server)", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitListening() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server exited with " + process.exitValue());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("redis-server did not listen on port " + port);
    }
}
