package app.tinylytics.gateway.writes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.UpstreamFailure;
import app.tinylytics.gateway.upstream.dto.BatchResponseDto;
import app.tinylytics.gateway.upstream.dto.BatchRowDto;

/** Large batches go upstream in chunks of 500, and a failing chunk says exactly which rows to resend. */
class ChunkedBatchTest {

    private final List<Integer> chunkSizes = new ArrayList<>();

    private static List<Integer> rows(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    /** Every row created, with indices relative to the chunk, as upstream answers. */
    private Uni<BatchResponseDto> allCreated(List<Integer> chunk) {
        chunkSizes.add(chunk.size());
        List<BatchRowDto> results = IntStream.range(0, chunk.size()).mapToObj(i -> new BatchRowDto(i, "created", null, null)).toList();
        return Uni.createFrom().item(new BatchResponseDto(chunk.size(), 0, 0, results));
    }

    private Function<List<Integer>, Uni<BatchResponseDto>> failingAtChunk(int failing, UpstreamFailure failure) {
        return chunk -> chunkSizes.size() == failing ? Uni.createFrom().item(() -> {
            chunkSizes.add(chunk.size());
            throw failure;
        }) : allCreated(chunk);
    }

    @Test
    void twelveHundredRowsGoAsThreeRequestsAndKeepTheirIndices() {
        BatchResult result = ChunkedBatch.send(rows(1200), this::allCreated).await().indefinitely();

        assertEquals(List.of(500, 500, 200), chunkSizes);
        assertEquals(1200, result.createdCount());
        assertEquals(1199, result.results().get(1199).index());
    }

    @Test
    void aFirstChunkFailingFailsTheMutationAsASingleRequestWould() {
        UpstreamFailure failure = UpstreamFailure.answered(Endpoint.TRACK_HITS, 500, "{}", OptionalLong.empty());

        UpstreamFailure thrown = assertThrows(UpstreamFailure.class,
                () -> ChunkedBatch.send(rows(1200), failingAtChunk(0, failure)).await().indefinitely());
        assertSame(failure, thrown);
    }

    @Test
    void aLaterChunkWithNoAnswerMarksItsRowsUnknownAndTheRestNotSent() {
        UpstreamFailure noAnswer = UpstreamFailure.noAnswer(Endpoint.TRACK_HITS, new TimeoutException("no answer within 5000 ms"));

        BatchResult result = ChunkedBatch.send(rows(1200), failingAtChunk(1, noAnswer)).await().indefinitely();

        assertEquals(500, result.createdCount());
        assertEquals(700, result.errorCount());
        assertEquals(BatchRowStatus.CREATED, result.results().get(499).status());
        assertTrue(result.results().get(500).errors().get(0).startsWith("Outcome unknown"), result.results().get(500).errors().toString());
        assertTrue(result.results().get(1000).errors().get(0).startsWith("Not sent"));
    }

    @Test
    void aLaterChunkRefusedWithoutProcessingMarksItsRowsNotRecorded() {
        UpstreamFailure refused = UpstreamFailure.notSent(Endpoint.TRACK_HITS, UpstreamFailure.Kind.BUDGET_SPENT, 30);

        BatchResult result = ChunkedBatch.send(rows(1200), failingAtChunk(2, refused)).await().indefinitely();

        assertTrue(result.results().get(1000).errors().get(0).startsWith("Not recorded"));
        assertTrue(result.results().get(1000).errors().get(0).contains("budget"));
        assertEquals(1000, result.createdCount());
    }
}
