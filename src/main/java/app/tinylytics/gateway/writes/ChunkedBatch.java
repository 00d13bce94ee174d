package app.tinylytics.gateway.writes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.error.UpstreamErrors;
import app.tinylytics.gateway.upstream.UpstreamFailure;
import app.tinylytics.gateway.upstream.dto.BatchResponseDto;
import app.tinylytics.gateway.upstream.dto.BatchRowDto;

/**
 * Sends a batch of any size as upstream requests of at most {@link #CHUNK_SIZE} rows, one after another,
 * and merges their answers into one {@link BatchResult} under the indices of the caller's list.
 *
 * <p>Nothing is lost or reported half-written: chunks go strictly in order and the first failing one
 * stops the batch. If that is the first chunk, the mutation fails with its error, exactly as a single
 * request would. Otherwise the rows already answered keep their upstream outcome, and every row from
 * the failed chunk on is an {@code ERROR} row whose message says either that it was certainly not
 * recorded (its request was refused, e.g. a 429 or the gateway's own budget, or never sent: resend it)
 * or that it may have been (a timeout or 5xx on its request: check before resending). The caller can
 * so resend exactly the rows that need it; the gateway never resends, as writes are not idempotent.
 */
final class ChunkedBatch {

    /**
     * Rows per upstream request. Upstream documents no batch limit; the simulator rejects more than 1000,
     * and 500 leaves room below that while keeping one request's body and processing time modest.
     */
    static final int CHUNK_SIZE = 500;

    private ChunkedBatch() {
    }

    static <T> Uni<BatchResult> send(List<T> rows, Function<List<T>, Uni<BatchResponseDto>> sendChunk) {
        return sendFrom(0, rows, sendChunk, new Merged());
    }

    private static <T> Uni<BatchResult> sendFrom(int start, List<T> rows, Function<List<T>, Uni<BatchResponseDto>> sendChunk,
            Merged merged) {
        if (start >= rows.size()) {
            return Uni.createFrom().item(merged.result());
        }
        int end = Math.min(rows.size(), start + CHUNK_SIZE);
        return sendChunk.apply(List.copyOf(rows.subList(start, end)))
                .map(ChunkOutcome::answered)
                .onFailure().recoverWithItem(ChunkOutcome::failed)
                .flatMap(outcome -> {
                    if (outcome.failure() == null) {
                        merged.add(start, outcome.answer());
                        return sendFrom(end, rows, sendChunk, merged);
                    }
                    if (start == 0) {
                        return Uni.createFrom().failure(outcome.failure());
                    }
                    merged.addFailed(start, end, rows.size(), outcome.failure());
                    return Uni.createFrom().item(merged.result());
                });
    }

    /** True when a failed request may still have been processed upstream (no answer, or a server error). */
    private static boolean mayHaveBeenRecorded(Throwable failure) {
        return failure instanceof UpstreamFailure upstream && upstream.mayHaveBeenProcessed();
    }

    private record ChunkOutcome(BatchResponseDto answer, Throwable failure) {

        static ChunkOutcome answered(BatchResponseDto answer) {
            return new ChunkOutcome(answer, null);
        }

        static ChunkOutcome failed(Throwable failure) {
            return new ChunkOutcome(null, failure);
        }
    }

    /** The answers so far; touched by one chunk at a time, since chunks are sequential. */
    private static final class Merged {

        private final List<BatchRowResult> rows = new ArrayList<>();
        private int created;
        private int ignored;
        private int errors;

        void add(int offset, BatchResponseDto answer) {
            created += answer.createdCount();
            ignored += answer.ignoredCount();
            errors += answer.errorCount();
            List<BatchRowDto> answered = Mapping.orEmpty(answer.results());
            answered.forEach(row -> rows.add(BatchRowResult.from(row, offset)));
        }

        void addFailed(int start, int end, int total, Throwable failure) {
            String range = "rows " + start + "-" + (end - 1);
            String cause = UpstreamErrors.describe(failure);
            String failedRow = mayHaveBeenRecorded(failure)
                    ? "Outcome unknown: the upstream request for " + range + " failed (" + cause
                            + "); the row may or may not have been recorded, check before resending it."
                    : "Not recorded: the request for " + range + " was refused (" + cause + "); resend this row.";
            String unsentRow = "Not sent: the batch stopped at the failed request for " + range + "; resend this row.";
            for (int index = start; index < total; index++) {
                rows.add(BatchRowResult.unanswered(index, index < end ? failedRow : unsentRow));
            }
            errors += total - start;
        }

        BatchResult result() {
            return new BatchResult(created, ignored, errors, List.copyOf(rows));
        }
    }
}
