package app.tinylytics.gateway.content;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.upstream.dto.ContentDto;
import app.tinylytics.gateway.upstream.dto.ContentIssuesDto;

/** A site's content monitoring report; a disabled monitor is a report with {@code enabled = false}, not an error. */
@Description("Content monitoring status, issues and stats; enabled=false when content monitoring is off.")
public record ContentReport(
        @Description("false when content monitoring is not enabled for the site (upstream 403).") boolean enabled,
        ContentMonitoringStatus status,
        @NonNull List<@NonNull ContentIssue> brokenLinks,
        @NonNull List<@NonNull ContentIssue> mixedContent,
        @NonNull List<@NonNull ContentIssue> ignoredIssues,
        @NonNull List<@NonNull ContentIssue> okLinks,
        ContentStats stats) {

    /** The report for a site whose content monitoring is switched off (upstream's 403 saying so). */
    public static ContentReport disabled() {
        return new ContentReport(false, null, List.of(), List.of(), List.of(), List.of(), null);
    }

    public static ContentReport from(ContentDto dto) {
        // A 200 means monitoring runs; monitoring_status.enabled is upstream's own word for it when present.
        boolean enabled = dto.monitoringStatus() == null || dto.monitoringStatus().enabled();
        ContentIssuesDto issues = dto.issues();
        return new ContentReport(enabled, ContentMonitoringStatus.from(dto.monitoringStatus()),
                ContentIssue.fromAll(issues == null ? null : issues.brokenLinks()),
                ContentIssue.fromAll(issues == null ? null : issues.mixedContent()),
                ContentIssue.fromAll(dto.ignoredIssues()), ContentIssue.fromAll(dto.okLinks()),
                ContentStats.from(dto.stats()));
    }
}
