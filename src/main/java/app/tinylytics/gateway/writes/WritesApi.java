package app.tinylytics.gateway.writes;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.error.CodedErrors;
import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.common.TextLimit;
import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.error.UpstreamErrorException;
import app.tinylytics.gateway.signals.ContextSignal;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.security.CurrentCaller;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamAuth;
import app.tinylytics.gateway.upstream.UpstreamFailure;
import app.tinylytics.gateway.upstream.Written;
import app.tinylytics.gateway.upstream.dto.BatchResponseDto;
import app.tinylytics.gateway.upstream.dto.SubmitSignalResponseDto;
import app.tinylytics.gateway.upstream.dto.WriteAnswerDto;

/**
 * The seven mutations. Each validates its arguments and picks the write key before any upstream call,
 * sends the write once (writes are not idempotent, so they are never retried, except a signal with an
 * external id, which is), and drops the cached reads it changed ({@link TinylyticsClient#written}) before answering.
 */
@GraphQLApi
@CodedErrors
public class WritesApi {

    private final TinylyticsClient tinylytics;
    private final CurrentCaller caller;
    private final int maxBatchRows;

    WritesApi(TinylyticsClient tinylytics, CurrentCaller caller, GatewayConfig config) {
        this.maxBatchRows = config.limits().maxBatchRows();
        this.tinylytics = tinylytics;
        this.caller = caller;
    }

    @Mutation
    @Description("POST /sites/:id/hits. Needs a full-access key.")
    public @NonNull Uni<TrackHitResult> trackHit(@Name("siteId") @Id @NonNull String siteId,
            @Name("hit") @NonNull HitInput hit) {
        return writeOne(siteId, "hit", hit, Endpoint.TRACK_HIT, tinylytics::trackHit).map(TrackHitResult::from);
    }

    @Mutation
    @Description("POST /sites/:id/hits/batch. Partial success: one bad row does not fail the rest.")
    public @NonNull Uni<BatchResult> trackHits(@Name("siteId") @Id @NonNull String siteId,
            @Name("hits") @NonNull List<@NonNull HitInput> hits) {
        return writeBatch(siteId, "hits", hits, Endpoint.TRACK_HITS, tinylytics::trackHits);
    }

    @Mutation
    @Description("POST /sites/:id/events. Needs a full-access key.")
    public @NonNull Uni<TrackEventResult> trackEvent(@Name("siteId") @Id @NonNull String siteId,
            @Name("event") @NonNull EventInput event) {
        return writeOne(siteId, "event", event, Endpoint.TRACK_EVENT, tinylytics::trackEvent).map(TrackEventResult::from);
    }

    @Mutation
    @Description("POST /sites/:id/events/batch. Partial success.")
    public @NonNull Uni<BatchResult> trackEvents(@Name("siteId") @Id @NonNull String siteId,
            @Name("events") @NonNull List<@NonNull EventInput> events) {
        return writeBatch(siteId, "events", events, Endpoint.TRACK_EVENTS, tinylytics::trackEvents);
    }

    @Mutation
    @Description("POST /sites/:id/kudos. Needs a full-access key.")
    public @NonNull Uni<GiveKudoResult> giveKudo(@Name("siteId") @Id @NonNull String siteId,
            @Name("kudo") @NonNull KudoInput kudo) {
        return writeOne(siteId, "kudo", kudo, Endpoint.GIVE_KUDO, tinylytics::giveKudo).map(GiveKudoResult::from);
    }

    @Mutation
    @Description("DELETE /sites/:id/kudos/:uid. NOT_FOUND error when the uid does not exist.")
    public @NonNull Uni<DeleteKudoResult> deleteKudo(@Name("siteId") @Id @NonNull String siteId,
            @Name("uid") @NonNull String uid) {
        long site = Arguments.siteId("siteId", siteId);
        Arguments.requiredText("uid", uid, TextLimit.IDENTIFIER);
        UpstreamAuth key = caller.writes();
        return tinylytics.deleteKudo(key, site, uid)
                .map(answer -> DeleteKudoResult.from(answer, uid))
                .call(() -> tinylytics.written(Endpoint.DELETE_KUDO, site));
    }

    @Mutation
    @Description("POST /sites/:id/signals. Needs a full-access key and a subscription.")
    public @NonNull Uni<ContextSignal> submitSignal(@Name("siteId") @Id @NonNull String siteId,
            @Name("signal") @NonNull SignalInput signal) {
        long site = Arguments.siteId("siteId", siteId);
        signal.validate("signal");
        UpstreamAuth key = caller.writes();
        Uni<Written<SubmitSignalResponseDto>> submitted = tinylytics.submitSignal(key, site, signal.toUpstream());
        if (signal.externalId() != null) {
            // The external id makes this write idempotent (a repeat updates the same signal), so a request that got
            // no answer can safely be sent once more. Every other write is sent exactly once.
            submitted = submitted.onFailure(failure -> failure instanceof UpstreamFailure upstream
                    && upstream.kind() == UpstreamFailure.Kind.NO_ANSWER).retry().atMost(1);
        }
        return submitted
                .map(WritesApi::signalOf)
                .call(() -> tinylytics.written(Endpoint.SUBMIT_SIGNAL, site));
    }

    private static ContextSignal signalOf(Written<SubmitSignalResponseDto> written) {
        if (written.body() == null || written.body().signal() == null) {
            throw new UpstreamErrorException("Tinylytics accepted the signal (HTTP " + written.status()
                    + ") but did not return it.");
        }
        return ContextSignal.from(written.body().signal());
    }

    /** A {@link TinylyticsClient} write to one site: key, site id, body. */
    @FunctionalInterface
    private interface SiteWrite<B, A> {
        Uni<A> send(UpstreamAuth key, long siteId, B body);
    }

    /**
     * One row: the site id and the input are checked and the write key picked before the single upstream call; the
     * cached reads it changed are dropped once upstream answers, unless it ignored the write.
     */
    private <B, A extends WriteAnswerDto> Uni<Written<A>> writeOne(String siteId, String argument, WriteInput<B> input,
            Endpoint endpoint, SiteWrite<B, Written<A>> write) {
        long site = Arguments.siteId("siteId", siteId);
        input.validate(argument);
        UpstreamAuth key = caller.writes();
        return write.send(key, site, input.toUpstream())
                .call(written -> recordedIf(WriteStatus.of(written) == WriteStatus.CREATED, endpoint, site));
    }

    /**
     * Many rows: every row is checked before anything is sent, so one bad row rejects the batch without an upstream
     * call; then {@link ChunkedBatch} sends them, and the cached reads are dropped if any row was recorded.
     */
    private <B> Uni<BatchResult> writeBatch(String siteId, String argument, List<? extends WriteInput<B>> rows,
            Endpoint endpoint, SiteWrite<List<B>, BatchResponseDto> write) {
        long site = Arguments.siteId("siteId", siteId);
        Arguments.rows(argument, rows, maxBatchRows);
        for (int index = 0; index < rows.size(); index++) {
            rows.get(index).validate(argument + "[" + index + "]");
        }
        UpstreamAuth key = caller.writes();
        List<B> bodies = rows.stream().<B>map(WriteInput::toUpstream).toList();
        return ChunkedBatch.send(bodies, chunk -> write.send(key, site, chunk))
                .call(result -> recordedIf(result.createdCount() > 0, endpoint, site));
    }

    /** Ignored writes (202) changed nothing upstream, so they keep the cache. */
    private Uni<Void> recordedIf(boolean recorded, Endpoint endpoint, long siteId) {
        return recorded ? tinylytics.written(endpoint, siteId) : Uni.createFrom().voidItem();
    }
}
