package app.tinylytics.gateway.writes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses any GraphQL document containing a mutation that arrives over GET, with 405, before SmallRye sees it.
 * GET is off by default, but SmallRye executes mutations over GET once it is switched on (say, to let a CDN
 * cache queries), and a GET can be triggered by a link or an image: writes must not hinge on that one setting.
 */
@ApplicationScoped
public class MutationsOnlyOverPost {

    /** Before SmallRye's handler, which Quarkus adds with the default order. */
    private static final int ROUTE_ORDER = -100;

    private final String graphQlPath;

    MutationsOnlyOverPost(@ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String rootPath,
            @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String httpRootPath) {
        this.graphQlPath = join(httpRootPath, rootPath);
    }

    void installOn(@Observes Router router) {
        router.get(graphQlPath).order(ROUTE_ORDER).handler(this::refuseMutations);
    }

    private void refuseMutations(RoutingContext context) {
        if (containsMutation(context.request().getParam("query"))) {
            context.response().setStatusCode(405).putHeader(HttpHeaders.ALLOW, "POST")
                    .end("Mutations are only accepted over POST.");
            return;
        }
        context.next();
    }

    /** True when the document declares a mutation; unparseable documents are left to SmallRye to reject. */
    static boolean containsMutation(String query) {
        if (query == null || query.isBlank()) {
            return false;
        }
        try {
            Document document = Parser.parse(query);
            return document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .anyMatch(operation -> operation.getOperation() == OperationDefinition.Operation.MUTATION);
        } catch (InvalidSyntaxException notGraphQl) {
            return false;
        }
    }

    private static String join(String httpRootPath, String rootPath) {
        if (rootPath.startsWith("/")) {
            return rootPath;
        }
        return (httpRootPath.endsWith("/") ? httpRootPath : httpRootPath + "/") + rootPath;
    }
}
