package app.tinylytics.gateway.content;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.Simulator;

/** Content monitoring against the embedded simulator's seeded demo data (blog 456 on, docs 457 off). */
@QuarkusTest
class ContentSimulatorTest {

    @BeforeEach
    void reseed() {
        Simulator.reset();
    }

    @Test
    void blogReportsItsBrokenLinksMixedContentAndIgnoredIssue() {
        GraphQL.document("content-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.content.enabled", equalTo(true))
                .body("data.site.content.status.rootPath", equalTo("/blog"))
                .body("data.site.content.status.hasIssues", equalTo(true))
                .body("data.site.content.brokenLinks.size()", equalTo(2))
                .body("data.site.content.brokenLinks[0].url", equalTo("https://example.com/old-page"))
                .body("data.site.content.brokenLinks[0].statusCode", equalTo(404))
                .body("data.site.content.mixedContent[0].issueType", equalTo("mixed_content"))
                .body("data.site.content.ignoredIssues[0].url", equalTo("https://twitter.com/alice"))
                .body("data.site.content.ignoredIssues[0].ignored", equalTo(true))
                .body("data.site.content.okLinks.size()", equalTo(9))
                .body("data.site.content.stats.totalChecked", equalTo(13))
                .body("data.site.content.stats.brokenLinksCount", equalTo(2))
                .body("data.site.content.stats.mixedContentCount", equalTo(1))
                .body("data.site.content.stats.ignoredCount", equalTo(1))
                .body("data.site.content.stats.okCount", equalTo(9));
    }

    @Test
    void monitoringDisabledIsEnabledFalseWithoutError() {
        GraphQL.document("content-all-fields").variable("id", "457").post()
                .body("errors", nullValue())
                .body("data.site.content.enabled", equalTo(false))
                .body("data.site.content.status", nullValue())
                .body("data.site.content.brokenLinks.size()", equalTo(0))
                .body("data.site.content.okLinks.size()", equalTo(0))
                .body("data.site.content.stats", nullValue());
    }
}
