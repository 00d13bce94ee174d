package app.tinylytics.gateway.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.quarkus.logging.Log;

/**
 * Gives a test class one {@link Browser} for all its tests (register it as a static {@code @RegisterExtension}
 * field), and when a test fails saves what the page showed and logged to {@code target/browser-screenshots/}.
 */
public final class BrowserExtension implements BeforeAllCallback, AfterTestExecutionCallback, AfterAllCallback {

    /** Where a failed test leaves {@code <class>.<method>.png} and {@code .console.log}. */
    public static final Path EVIDENCE = Path.of("target", "browser-screenshots");

    private static final Pattern HEADERS_PARAMETER = Pattern.compile("([?&]headers=)[^&\\s]*");
    private static final Pattern TINYLYTICS_KEY = Pattern.compile("tly-[A-Za-z0-9_-]+");

    private Browser browser;

    /** The class's browser, started before its first test. */
    public Browser browser() {
        if (browser == null) {
            throw new IllegalStateException("The browser starts before all tests: register BrowserExtension on a static field");
        }
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = Browser.start();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty() || browser == null) {
            return;
        }
        String name = evidenceName(context);
        Path screenshot = EVIDENCE.resolve(name + ".png");
        Path console = EVIDENCE.resolve(name + ".console.log");
        try {
            browser.screenshot(screenshot);
            Files.writeString(console, redacted("URL: " + browser.driver().getCurrentUrl() + System.lineSeparator()
                    + browser.consoleLog() + System.lineSeparator()));
            Log.infof("%s failed: the page is in %s, its console log in %s", name, screenshot, console);
        } catch (IOException | RuntimeException e) {
            // Evidence is a courtesy: never hide the test's own failure behind this one.
            Log.warnf("Could not save the browser's evidence for %s: %s", name, e);
        }
    }

    /** {@code <class>.<method>}, plus the invocation's display name for a parameterized test. */
    private static String evidenceName(ExtensionContext context) {
        String method = context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        String invocation = display.startsWith(method + "(") ? "" : "_" + display.replaceAll("[^A-Za-z0-9]+", "_");
        return context.getRequiredTestClass().getSimpleName() + "." + method + invocation;
    }

    /**
     * Removes keys from saved text: GraphiQL mirrors its Headers pane into the page URL ({@code ?headers=...}),
     * so a URL may carry an {@code Authorization} header.
     */
    private static String redacted(String text) {
        return TINYLYTICS_KEY.matcher(HEADERS_PARAMETER.matcher(text).replaceAll("$1(removed)")).replaceAll("tly-(removed)");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
