package app.tinylytics.gateway.live;

import java.time.Duration;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;

import app.tinylytics.gateway.error.CodedErrors;
import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.error.BadUserInputException;
import app.tinylytics.gateway.error.NotFoundException;
import app.tinylytics.gateway.sites.Site;
import app.tinylytics.gateway.security.CurrentCaller;
import app.tinylytics.gateway.upstream.TinylyticsClient;

/** The {@code siteUpdates} subscription: a site, sent at once and again whenever its data changes. */
@GraphQLApi
@CodedErrors
public class SiteUpdatesApi {

    private final TinylyticsClient tinylytics;
    private final CurrentCaller caller;
    private final int minEverySeconds;

    SiteUpdatesApi(TinylyticsClient tinylytics, CurrentCaller caller, GatewayConfig config) {
        this.tinylytics = tinylytics;
        this.caller = caller;
        this.minEverySeconds = config.live().minEverySeconds();
    }

    @Subscription
    @Description("The site with the subscriber's selection: sent at once, then again only when some selected data has"
            + " changed. Reads are refreshed about every `everySeconds` (at least 30, default 60).")
    public Multi<Site> siteUpdates(@Name("id") @Id @NonNull String id,
            @Name("everySeconds") @DefaultValue("60") Integer everySeconds) {
        long siteId = Arguments.siteId("id", id);
        if (everySeconds == null || everySeconds < minEverySeconds) {
            throw BadUserInputException.argument("everySeconds", "must be at least " + minEverySeconds);
        }
        var key = caller.reads();
        // The first tick comes at once: without startingAfter (which refuses a zero delay), ticks start immediately.
        return Multi.createFrom().ticks().every(Duration.ofSeconds(everySeconds))
                .onItem().transformToUniAndConcatenate(tick -> tinylytics.site(key, siteId)
                        // A Multi cannot carry null: an unknown site ends the subscription with a coded error instead.
                        .onItem().ifNull().failWith(() -> new NotFoundException("No site with id " + id + " for this key.")))
                .map(Site::from)
                .skip().repetitions();
    }
}
