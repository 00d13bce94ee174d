package app.tinylytics.gateway.browser;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.tinylytics.gateway.support.Browser;

/**
 * GraphiQL at {@code /q/graphql-ui/} as a person uses it: paste a query into the editor, type headers, press the
 * Run button, read the result pane, browse the docs explorer.
 *
 * <p>GraphiQL's editors are CodeMirror 5. Text goes in the way a user puts it there: a query is copied to the
 * clipboard and pasted with Ctrl+V (typing a multi-line query key by key does not work, because the editor
 * closes brackets and indents lines itself), a one-line header object is typed. The editors' content is read
 * back through CodeMirror's {@code getValue()}, because CodeMirror renders only the lines in view.
 */
final class GraphiQLPage {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final By QUERY_EDITOR = By.cssSelector(".graphiql-query-editor .CodeMirror");
    private static final By HEADERS_TAB = By.cssSelector(".graphiql-editor-tools button[data-name='headers']");
    private static final By HEADERS_EDITOR =
            By.cssSelector("section.graphiql-editor-tool[aria-label='Headers'] .graphiql-editor:not(.hidden) .CodeMirror");
    private static final By RUN_BUTTON = By.cssSelector("button.graphiql-execute-button");
    private static final By RESULT_PANE = By.cssSelector("section.result-window");
    private static final By RESULT_EDITOR = By.cssSelector("section.result-window .CodeMirror");
    private static final By SPINNER = By.cssSelector(".graphiql-spinner");
    private static final By DOCS_BUTTON = By.cssSelector("button[aria-label='Show Documentation Explorer']");
    private static final By DOCS = By.cssSelector("section.graphiql-doc-explorer");
    private static final By DOCS_TITLE = By.cssSelector(".graphiql-doc-explorer-title");
    private static final By DOCS_FIELD_NAMES = By.cssSelector(".graphiql-doc-explorer-content a.graphiql-doc-explorer-field-name");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Browser browser;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private GraphiQLPage(Browser browser) {
        this.browser = browser;
        this.driver = browser.driver();
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /**
     * Opens GraphiQL at {@code origin + "/q/graphql-ui/"} afresh: GraphiQL keeps its tabs, queries and headers
     * in the browser's storage, which is emptied first, and a test starts from an empty result pane, so that
     * it never reads another test's result.
     */
    static GraphiQLPage open(Browser browser, String origin) {
        GraphiQLPage page = new GraphiQLPage(browser);
        browser.clearStorage(origin);
        page.driver.get(origin + "/q/graphql-ui/");
        page.wait.until(ExpectedConditions.visibilityOfElementLocated(QUERY_EDITOR));
        if (!page.editorText(page.driver.findElement(RESULT_EDITOR)).isEmpty()) {
            throw new IllegalStateException("GraphiQL opened with an earlier result in its result pane");
        }
        return page;
    }

    /** The page's title, as the browser tab shows it. */
    String title() {
        return driver.getTitle();
    }

    /** Replaces the query editor's content by pasting {@code query}, as if copied from the README. */
    GraphiQLPage pasteQuery(String query) {
        WebElement editor = driver.findElement(QUERY_EDITOR);
        browser.copyToClipboard(query);
        editor.click();
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").sendKeys("v").keyUp(Keys.CONTROL).perform();
        wait.withMessage("the query editor to hold the pasted query").until(d -> query.equals(editorText(editor)));
        // Closes the completion list GraphiQL opens at the cursor after a paste, as a user would.
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        return this;
    }

    /** Opens the Headers pane under the query editor and types {@code headers} (a one-line JSON object) into it. */
    GraphiQLPage typeHeaders(String headers) {
        driver.findElement(HEADERS_TAB).click();
        WebElement editor = wait.until(ExpectedConditions.elementToBeClickable(HEADERS_EDITOR));
        editor.click();
        new Actions(driver).sendKeys(headers).perform();
        wait.withMessage("the Headers pane to hold what was typed").until(d -> headers.equals(editorText(editor)));
        return this;
    }

    /**
     * Presses GraphiQL's Run button and returns the result pane's JSON once an answer is shown. GraphiQL chooses
     * WebSocket for a subscription from the document it parses a moment after the last edit: pressed sooner (faster
     * than a person can, on a loaded machine), it posts the subscription over HTTP, which the gateway refuses. Then Run
     * is pressed once more after a pause, as a person would, and the refusal must give way to a real answer.
     */
    JsonNode run() {
        driver.findElement(RUN_BUTTON).click();
        JsonNode result = awaitResult(answer -> true);
        if (!postedTooSoon(result)) {
            return result;
        }
        new Actions(driver).pause(Duration.ofSeconds(1)).perform();
        driver.findElement(RUN_BUTTON).click();
        return awaitResult(answer -> !postedTooSoon(answer));
    }

    private static boolean postedTooSoon(JsonNode result) {
        return result.at("/errors/0/message").asText().startsWith("Subscriptions run over GraphQL over WebSocket");
    }

    /**
     * Waits until the result pane shows JSON that {@code expected} accepts. GraphiQL replaces the pane with each
     * payload of a subscription, so a subscription test can wait here for the payload it expects.
     */
    JsonNode awaitResult(Predicate<JsonNode> expected) {
        return wait.withMessage("a result in GraphiQL's result pane").until(d -> {
            if (!d.findElements(SPINNER).isEmpty()) {
                return null;
            }
            JsonNode result = parse(editorText(d.findElement(RESULT_EDITOR)));
            return result != null && expected.test(result) ? result : null;
        });
    }

    /** The text the result pane shows on screen (its first screenful). */
    String visibleResult() {
        return driver.findElement(RESULT_PANE).getText();
    }

    /** Opens the docs explorer and follows the named links in turn, e.g. {@code "Query", "Site"}. */
    GraphiQLPage browseDocs(String... links) {
        driver.findElement(DOCS_BUTTON).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(DOCS));
        for (String link : links) {
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//section[contains(@class,'graphiql-doc-explorer')]//a[normalize-space(.)='" + link + "']")))
                    .click();
            wait.until(ExpectedConditions.textToBe(DOCS_TITLE, link));
        }
        return this;
    }

    /** The field names the docs explorer lists for the type it shows. */
    List<String> docsFieldNames() {
        return driver.findElements(DOCS_FIELD_NAMES).stream().map(WebElement::getText).toList();
    }

    private String editorText(WebElement codeMirror) {
        return (String) driver.executeScript("return arguments[0].CodeMirror.getValue()", codeMirror);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException incomplete) {
            return null;
        }
    }
}
