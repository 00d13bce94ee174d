package app.tinylytics.gateway.hits;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.common.PageInfo;
import app.tinylytics.gateway.upstream.dto.HitDto;
import app.tinylytics.gateway.upstream.dto.HitsDto;

/** One page of raw hits. */
@Description("One page of raw hits.")
public record HitConnection(
        @NonNull List<@NonNull Hit> nodes,
        @NonNull PageInfo pageInfo) {

    public static HitConnection from(HitsDto dto) {
        List<HitDto> hits = Mapping.orEmpty(dto.hits());
        return new HitConnection(hits.stream().map(Hit::from).toList(), PageInfo.from(dto.pagination(), hits.size()));
    }
}
