package app.tinylytics.gateway.clients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Runs a Node project's tests as a child process: installs its locked dependencies with {@code npm ci} when
 * they are missing or older than the lock file, then {@code node --test}, streaming every line into the test
 * log and stopping the whole process tree when it runs over its time.
 */
final class NodeTestRun {

    private static final Logger LOG = Logger.getLogger(NodeTestRun.class);
    /** How Node's spec reporter starts its closing summary of failures. */
    private static final String FAILING_TESTS = "failing tests:";

    private final Path project;

    NodeTestRun(Path project) {
        this.project = project.toAbsolutePath();
    }

    /** What a finished (or stopped) command printed, stdout and stderr interleaved. */
    record Outcome(int exitCode, boolean timedOut, String output) {

        boolean passed() {
            return exitCode == 0 && !timedOut;
        }

        /** The spec reporter's closing list of failing tests with their errors, or everything when there is none. */
        String failures() {
            int summary = output.lastIndexOf(FAILING_TESTS);
            return summary < 0 ? output : output.substring(summary);
        }
    }

    /** {@code npm ci}, unless {@code node_modules} was installed from the current lock file already. */
    Outcome installIfNeeded(Duration timeLimit) {
        if (installedFromCurrentLock()) {
            return new Outcome(0, false, "node_modules is up to date with package-lock.json");
        }
        return run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), timeLimit);
    }

    /** {@code node --test} in the project, with {@code environment} added to this JVM's. */
    Outcome test(Map<String, String> environment, Duration timeLimit) {
        return run(List.of("node", "--test", "--test-reporter=spec"), environment, timeLimit);
    }

    private boolean installedFromCurrentLock() {
        // npm writes node_modules/.package-lock.json on every install: its age is the age of the install.
        Path installed = project.resolve("node_modules/.package-lock.json");
        Path lock = project.resolve("package-lock.json");
        try {
            return Files.exists(installed)
                    && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Outcome run(List<String> command, Map<String, String> environment, Duration timeLimit) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("NO_COLOR", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start '" + String.join(" ", command) + "': the client suite needs"
                    + " Node.js 18 or later and npm on the PATH (Debian: apt-get install nodejs npm).", e);
        }
        StringBuilder output = new StringBuilder();
        Thread pump = new Thread(() -> pump(process, output), "node-output");
        pump.setDaemon(true);
        pump.start();
        try {
            boolean finished = process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            pump.join(TimeUnit.SECONDS.toMillis(5));
            synchronized (output) {
                return new Outcome(finished ? process.exitValue() : -1, !finished, output.toString());
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    private static void pump(Process process, StringBuilder output) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                LOG.info(line);
                synchronized (output) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // the process was stopped: what was read so far is the output
        }
    }
}
