package app.tinylytics.gateway.kudos;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.common.PageInfo;
import app.tinylytics.gateway.upstream.dto.KudoDto;
import app.tinylytics.gateway.upstream.dto.KudosDto;

/** One page of kudos. */
@Description("One page of kudos.")
public record KudoConnection(
        @NonNull List<@NonNull Kudo> nodes,
        @NonNull PageInfo pageInfo) {

    public static KudoConnection from(KudosDto dto) {
        List<KudoDto> kudos = Mapping.orEmpty(dto.kudos());
        return new KudoConnection(kudos.stream().map(Kudo::from).toList(), PageInfo.from(dto.pagination(), kudos.size()));
    }
}
