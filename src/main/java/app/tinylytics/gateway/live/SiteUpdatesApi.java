package app.tinylytics.gateway.live;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;

import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.error.BadUserInputException;
import app.tinylytics.gateway.error.CodedErrors;
import app.tinylytics.gateway.error.NotFoundException;
import app.tinylytics.gateway.operation.Operations;
import app.tinylytics.gateway.security.CurrentCaller;
import app.tinylytics.gateway.sites.Site;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamAuth;

/** The {@code siteUpdates} subscription: a site, sent at once and again whenever data its subscriber selected changed. */
@GraphQLApi
@CodedErrors
public class SiteUpdatesApi {

    private final TinylyticsClient tinylytics;
    private final CurrentCaller caller;
    private final Operations operations;
    private final LiveUpdates live;
    private final int minEverySeconds;

    SiteUpdatesApi(TinylyticsClient tinylytics, CurrentCaller caller, Operations operations, LiveUpdates live,
            GatewayConfig config) {
        this.tinylytics = tinylytics;
        this.caller = caller;
        this.operations = operations;
        this.live = live;
        this.minEverySeconds = config.live().minEverySeconds();
    }

    @Subscription
    @Description("The site with the subscriber's selection: sent at once, then again only when some selected data has"
            + " changed. Every subscriber of the same key shares one upstream read per distinct read; reads are refreshed"
            + " about every `everySeconds` (at least 30, default 60) and less often when the key's hourly budget needs it."
            + " Null, with a coded error, when the site does not exist.")
    public Multi<Site> siteUpdates(@Name("id") @Id @NonNull String id,
            @Name("everySeconds") @DefaultValue("60") Integer everySeconds) {
        long siteId = Arguments.siteId("id", id);
        if (everySeconds == null || everySeconds < minEverySeconds) {
            throw BadUserInputException.argument("everySeconds", "must be at least " + minEverySeconds);
        }
        UpstreamAuth auth = caller.reads();
        return live.of(operations.current(), everySeconds, () -> tinylytics.listedSite(auth, siteId).map(dto -> {
            if (dto == null) {
                throw new NotFoundException("No site " + id + " for this key.");
            }
            return Site.from(dto);
        }));
    }
}
