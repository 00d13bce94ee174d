package app.tinylytics.gateway.content;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.error.CodedErrors;
import app.tinylytics.gateway.sites.Site;
import app.tinylytics.gateway.security.CurrentCaller;
import app.tinylytics.gateway.upstream.TinylyticsClient;

/** The {@code Site.content} field: content monitoring (broken links, mixed content), a premium read. */
@GraphQLApi
@CodedErrors
public class ContentApi {

    private final TinylyticsClient tinylytics;
    private final CurrentCaller caller;

    ContentApi(TinylyticsClient tinylytics, CurrentCaller caller) {
        this.tinylytics = tinylytics;
        this.caller = caller;
    }

    @Description("Content monitoring (GET /sites/:id/content); enabled=false when it is not enabled.")
    public Uni<ContentReport> content(@Source Site site) {
        // The client answers null for upstream's 403 "content monitoring is not enabled".
        return tinylytics.content(caller.reads(), site.numericId())
                .map(dto -> dto == null ? ContentReport.disabled() : ContentReport.from(dto));
    }
}
