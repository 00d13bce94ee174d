package app.tinylytics.gateway.transport;

import graphql.GraphQL;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;

/**
 * Makes graphql-java use {@link Documents} as its parsed-document cache when SmallRye builds it. A SmallRye eventing
 * service (found through {@code ServiceLoader}) rather than a CDI observer, so SmallRye's CDI events, fired for every
 * field of every operation, can stay switched off.
 */
public class DocumentCacheInstaller implements EventingService {

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        return builder.preparsedDocumentProvider(Arc.container().instance(Documents.class).get());
    }
}
