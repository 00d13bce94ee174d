package app.tinylytics.gateway.content;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

import app.tinylytics.gateway.upstream.dto.ContentStatusDto;

/** The state of a site's content monitoring (last crawl, whether issue emails are paused). */
@Description("State of content monitoring: what is crawled, when, and whether issues were found.")
public record ContentMonitoringStatus(
        String rootPath,
        OffsetDateTime lastCheckAt,
        @Name("isInitialCheck") boolean isInitialCheck,
        @Name("isRechecking") boolean isRechecking,
        @Name("hasIssues") boolean hasIssues,
        boolean emailsPaused,
        OffsetDateTime emailsPausedUntil) {

    public static ContentMonitoringStatus from(ContentStatusDto dto) {
        return dto == null ? null
                : new ContentMonitoringStatus(dto.rootPath(), dto.lastCheckAt(), dto.isInitialCheck(), dto.isRechecking(),
                        dto.hasIssues(), dto.emailsPaused(), dto.emailsPausedUntil());
    }
}
