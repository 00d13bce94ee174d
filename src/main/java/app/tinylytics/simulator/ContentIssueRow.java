package app.tinylytics.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * One link the content monitor checked: a {@code broken_link}, {@code mixed_content} or an {@code ok}
 * link (status 200, no issue type).
 */
public record ContentIssueRow(long id, String url, int statusCode, String errorMessage, String issueType,
        Instant checkedAt, boolean ignored) {

    public Map<String, Object> toJson() {
        return Json.object(
                "id", id,
                "url", url,
                "status_code", statusCode,
                "error_message", errorMessage,
                "issue_type", issueType,
                "checked_at", Json.time(checkedAt),
                "ignored", ignored);
    }
}
