package app.tinylytics.gateway.writes;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.upstream.dto.BatchRowDto;

/** One row of a batch outcome, by its index in the list the caller sent. */
@Description("Outcome of one row, by its index in the list that was sent.")
public record BatchRowResult(
        int index,
        @NonNull BatchRowStatus status,
        @Description("Validation messages for an ERROR row.") @NonNull List<@NonNull String> errors,
        String reason) {

    /** {@code offset} is where the row's upstream request started in the caller's list. */
    public static BatchRowResult from(BatchRowDto dto, int offset) {
        List<String> errors = List.copyOf(Mapping.orEmpty(dto.errors()));
        return new BatchRowResult(offset + dto.index(), BatchRowStatus.fromUpstream(dto.status()), errors, dto.reason());
    }

    /** A row upstream never answered for, with the one message that explains why. */
    static BatchRowResult unanswered(int index, String error) {
        return new BatchRowResult(index, BatchRowStatus.ERROR, List.of(error), null);
    }
}
