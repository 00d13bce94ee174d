package app.tinylytics.gateway.hits;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.common.PageInfo;
import app.tinylytics.gateway.upstream.dto.HitsDto;

/** One page of grouped hits, with the grouping that produced it. */
@Description("One page of grouped hits.")
public record HitGroupConnection(
        @NonNull HitGroupBy groupBy,
        @NonNull List<@NonNull HitGroup> nodes,
        @NonNull PageInfo pageInfo) {

    public static HitGroupConnection from(HitsDto dto, HitGroupBy groupBy) {
        List<Map<String, Object>> rows = Mapping.orEmpty(dto.groupedHits());
        return new HitGroupConnection(groupBy, rows.stream().map(row -> HitGroup.from(row, groupBy)).toList(),
                PageInfo.from(dto.pagination(), rows.size()));
    }
}
