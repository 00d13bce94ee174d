package app.tinylytics.gateway.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import app.tinylytics.gateway.support.Processes;

/**
 * One process of the local cluster (redis-server, the simulator, a gateway replica): started, stopped, killed and
 * started again with the same command, environment and port, its output appended to one log file.
 */
final class ManagedProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    ManagedProcess(String name, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /** Starts the process and waits until {@code ready} holds, failing with the log's tail if it never does. */
    ManagedProcess start(BooleanSupplier ready, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " could not be started: " + command.get(0), e);
        }
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                stop();
                throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
            }
            pause(Duration.ofMillis(200));
        }
        return this;
    }

    /** SIGTERM, then SIGKILL if it has not exited after a while. */
    void stop() {
        Processes.stop(process);
    }

    /** {@code kill -9}: no shutdown hooks, no goodbye to Redis or clients. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** How many lines of the log so far contain {@code text}. */
    long logLines(String text) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A memory figure of the running process from /proc (e.g. VmRSS, VmHWM), in KiB; empty off Linux or once gone. */
    OptionalLong memoryKiB(String field) {
        if (!alive()) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process just went away
        }
        return OptionalLong.empty();
    }

    /** A loopback port nobody listens on now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
