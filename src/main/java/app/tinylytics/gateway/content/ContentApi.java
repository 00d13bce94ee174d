package app.tinylytics.gateway.content;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.sites.Site;
import app.tinylytics.gateway.upstream.KeyResolver;
import app.tinylytics.gateway.upstream.TinylyticsClient;

/** The {@code Site.content} field: content monitoring (broken links, mixed content), a premium read. */
@GraphQLApi
public class ContentApi {

    private final TinylyticsClient tinylytics;
    private final KeyResolver keys;

    ContentApi(TinylyticsClient tinylytics, KeyResolver keys) {
        this.tinylytics = tinylytics;
        this.keys = keys;
    }

    @Description("Content monitoring (GET /sites/:id/content); enabled=false when it is not enabled.")
    public @NonNull Uni<ContentReport> content(@Source Site site) {
        // The client answers null for upstream's 403 "content monitoring is not enabled".
        return tinylytics.content(keys.readKey(), site.numericId())
                .map(dto -> dto == null ? ContentReport.disabled() : ContentReport.from(dto));
    }
}
