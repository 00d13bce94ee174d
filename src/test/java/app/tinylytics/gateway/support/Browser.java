package app.tinylytics.gateway.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import io.quarkus.logging.Log;

/**
 * One headless Debian Chromium driven through Debian's {@code chromedriver}, with a fresh profile: nothing is
 * downloaded (both paths are given, so Selenium Manager never runs) and Chromium is kept off the network.
 */
public final class Browser implements AutoCloseable {

    /** Debian's {@code chromium} package; {@code .ci/run} installs it. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Debian's {@code chromium-driver} package, the same build as {@link #CHROMIUM}. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Large enough for GraphiQL's three panes side by side (and for the README's screenshot). */
    private static final String WINDOW_SIZE = "--window-size=1440,1000";

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium headless; fails with the package to install when Chromium or its driver is missing. */
    public static Browser start() {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException(executable + " is missing: apt-get install chromium chromium-driver");
            }
        }
        Path profile = temporaryProfile();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                        // Keeps Chromium off the network: no update checks, no sync, no QUIC probes to Google.
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic",
                        // Even so it still asks accounts.google.com, update.googleapis.com and others (seen in a
                        // net-log): no name but localhost resolves, and no request leaves but to a closed port.
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost", "--proxy-server=127.0.0.1:9",
                        "--user-data-dir=" + profile, WINDOW_SIZE);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                // chromedriver logs the commands it runs, typed text (a key in the Headers pane) included.
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteRecursively(profile);
            throw e;
        }
        // The permission a user grants when a page first asks to use the clipboard (see copyToClipboard).
        driver.executeCdpCommand("Browser.grantPermissions",
                Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        Log.debugf("Chromium %s started", driver.getCapabilities().getBrowserVersion());
        return new Browser(driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Puts {@code text} on the browser's clipboard, as copying it from another window would, so that Ctrl+V
     * pastes it into the page. (Headless Chromium has a clipboard of its own, not the desktop's.)
     */
    public void copyToClipboard(String text) {
        Object outcome = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.clipboard.writeText(arguments[0]).then(() => done('copied'), e => done(String(e)));""", text);
        if (!"copied".equals(outcome)) {
            throw new IllegalStateException("Chromium refused to write its clipboard: " + outcome);
        }
    }

    /** Forgets what pages of {@code origin} (e.g. {@code http://localhost:8081}) stored in the browser. */
    public void clearStorage(String origin) {
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
    }

    /** Writes what the page shows now as a PNG. */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's console messages since the last call (Chromium hands each out once). */
    public String consoleLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(Browser::format)
                .collect(Collectors.joining(System.lineSeparator()));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteRecursively(profile);
        }
    }

    private static String format(LogEntry entry) {
        return entry.getLevel() + " " + entry.getMessage();
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            Log.warnf("Could not delete the Chromium profile %s: %s", directory, e.getMessage());
        }
    }
}
