package app.tinylytics.gateway.signals;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.common.PageInfo;
import app.tinylytics.gateway.upstream.dto.SignalsDto;

/** One page of a site's context signals. */
@Description("A page of owner-submitted context signals, newest first.")
public record SignalConnection(
        @NonNull List<@NonNull ContextSignal> nodes,
        @NonNull PageInfo pageInfo) {

    public static SignalConnection from(SignalsDto dto) {
        List<ContextSignal> nodes = Mapping.each(dto.signals(), ContextSignal::from);
        return new SignalConnection(nodes, PageInfo.from(dto.pagination(), nodes.size()));
    }
}
