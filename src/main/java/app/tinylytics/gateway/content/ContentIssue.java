package app.tinylytics.gateway.content;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.upstream.dto.ContentIssueDto;

/** One checked link: a broken link, mixed content, an ignored issue or a link that is fine. */
@Description("A link found by content monitoring and the result of checking it.")
public record ContentIssue(
        @Id @NonNull String id,
        @NonNull String url,
        Integer statusCode,
        String errorMessage,
        String issueType,
        OffsetDateTime checkedAt,
        boolean ignored) {

    public static ContentIssue from(ContentIssueDto dto) {
        return new ContentIssue(String.valueOf(dto.id()), dto.url(), dto.statusCode(), dto.errorMessage(), dto.issueType(),
                dto.checkedAt(), dto.ignored());
    }

    static List<ContentIssue> fromAll(List<ContentIssueDto> dtos) {
        return Mapping.each(dtos, ContentIssue::from);
    }
}
