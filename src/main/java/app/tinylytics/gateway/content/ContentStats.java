package app.tinylytics.gateway.content;

import org.eclipse.microprofile.graphql.Description;

import app.tinylytics.gateway.upstream.dto.ContentStatsDto;

/** Counters of the last content check. */
@Description("Counters of the last content check.")
public record ContentStats(
        int totalChecked,
        int brokenLinksCount,
        int mixedContentCount,
        int ignoredCount,
        int okCount) {

    public static ContentStats from(ContentStatsDto dto) {
        return dto == null ? null
                : new ContentStats(dto.totalChecked(), dto.brokenLinksCount(), dto.mixedContentCount(), dto.ignoredCount(),
                        dto.okCount());
    }
}
