package app.tinylytics.gateway.writes;

import java.util.List;
import java.util.function.BiConsumer;

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
import app.tinylytics.gateway.upstream.dto.EventWriteDto;
import app.tinylytics.gateway.upstream.dto.HitWriteDto;
import app.tinylytics.gateway.upstream.dto.SubmitSignalResponseDto;

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
        long site = Arguments.siteId("siteId", siteId);
        hit.validate("hit");
        UpstreamAuth key = caller.writes();
        return tinylytics.trackHit(key, site, hit.toUpstream())
                .map(TrackHitResult::from)
                .call(result -> recordedIf(result.status() == WriteStatus.CREATED, Endpoint.TRACK_HIT, site));
    }

    @Mutation
    @Description("POST /sites/:id/hits/batch. Partial success: one bad row does not fail the rest.")
    public @NonNull Uni<BatchResult> trackHits(@Name("siteId") @Id @NonNull String siteId,
            @Name("hits") @NonNull List<@NonNull HitInput> hits) {
        long site = Arguments.siteId("siteId", siteId);
        validateRows("hits", hits, HitInput::validate);
        UpstreamAuth key = caller.writes();
        List<HitWriteDto> rows = hits.stream().map(HitInput::toUpstream).toList();
        return ChunkedBatch.send(rows, chunk -> tinylytics.trackHits(key, site, chunk))
                .call(result -> recordedIf(result.createdCount() > 0, Endpoint.TRACK_HITS, site));
    }

    @Mutation
    @Description("POST /sites/:id/events. Needs a full-access key.")
    public @NonNull Uni<TrackEventResult> trackEvent(@Name("siteId") @Id @NonNull String siteId,
            @Name("event") @NonNull EventInput event) {
        long site = Arguments.siteId("siteId", siteId);
        event.validate("event");
        UpstreamAuth key = caller.writes();
        return tinylytics.trackEvent(key, site, event.toUpstream())
                .map(TrackEventResult::from)
                .call(result -> recordedIf(result.status() == WriteStatus.CREATED, Endpoint.TRACK_EVENT, site));
    }

    @Mutation
    @Description("POST /sites/:id/events/batch. Partial success.")
    public @NonNull Uni<BatchResult> trackEvents(@Name("siteId") @Id @NonNull String siteId,
            @Name("events") @NonNull List<@NonNull EventInput> events) {
        long site = Arguments.siteId("siteId", siteId);
        validateRows("events", events, EventInput::validate);
        UpstreamAuth key = caller.writes();
        List<EventWriteDto> rows = events.stream().map(EventInput::toUpstream).toList();
        return ChunkedBatch.send(rows, chunk -> tinylytics.trackEvents(key, site, chunk))
                .call(result -> recordedIf(result.createdCount() > 0, Endpoint.TRACK_EVENTS, site));
    }

    @Mutation
    @Description("POST /sites/:id/kudos. Needs a full-access key.")
    public @NonNull Uni<GiveKudoResult> giveKudo(@Name("siteId") @Id @NonNull String siteId,
            @Name("kudo") @NonNull KudoInput kudo) {
        long site = Arguments.siteId("siteId", siteId);
        kudo.validate("kudo");
        UpstreamAuth key = caller.writes();
        return tinylytics.giveKudo(key, site, kudo.toUpstream())
                .map(GiveKudoResult::from)
                .call(result -> recordedIf(result.status() == WriteStatus.CREATED, Endpoint.GIVE_KUDO, site));
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

    /** Every row is checked before anything is sent, so one bad row rejects the batch without an upstream call. */
    private <T> void validateRows(String argument, List<T> rows, BiConsumer<T, String> validate) {
        Arguments.rows(argument, rows, maxBatchRows);
        for (int index = 0; index < rows.size(); index++) {
            validate.accept(rows.get(index), argument + "[" + index + "]");
        }
    }

    /** Ignored writes (202) changed nothing upstream, so they keep the cache. */
    private Uni<Void> recordedIf(boolean recorded, Endpoint endpoint, long siteId) {
        return recorded ? tinylytics.written(endpoint, siteId) : Uni.createFrom().voidItem();
    }
}
