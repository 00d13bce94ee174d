package app.tinylytics.gateway.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import app.tinylytics.gateway.config.GatewayConfig;

/**
 * Checks every {@code POST /graphql} before SmallRye runs it, answering as GraphQL-over-HTTP says: a body over
 * the size limit is refused (413); a cross-site "simple" request (a form or {@code text/plain} post, which a
 * browser sends without a CORS preflight) is refused (415) unless it carries a custom header; a body that is
 * not JSON or has no {@code query} string, or names an operation the document lacks, is a 400; and an operation
 * that plans more upstream calls or {@code site} fields than allowed is refused before any call.
 */
@ApplicationScoped
public class GraphQLRequestGuard {

    /** Before SmallRye's handler (default order), after nothing else of ours. */
    private static final int ROUTE_ORDER = -90;
    /** The request type GraphQL-over-HTTP defines (and the one SmallRye reads as JSON). */
    private static final Set<String> JSON_TYPES = Set.of("application/json");
    /** Headers a browser only sends cross-site after a CORS preflight, so their presence rules out CSRF. */
    private static final List<String> PREFLIGHT_HEADERS = List.of("X-Requested-With", "GraphQL-Require-Preflight");

    private final String graphQlPath;
    private final long maxBodyBytes;
    private final boolean getEnabled;
    private final GatewayConfig.Limits limits;
    private final ObjectMapper mapper;

    GraphQLRequestGuard(@ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String rootPath,
            @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String httpRootPath,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
            @ConfigProperty(name = "quarkus.smallrye-graphql.http.get.enabled", defaultValue = "false") boolean getEnabled,
            GatewayConfig config, ObjectMapper mapper) {
        this.getEnabled = getEnabled;
        this.graphQlPath = rootPath.startsWith("/") ? rootPath
                : (httpRootPath.endsWith("/") ? httpRootPath : httpRootPath + "/") + rootPath;
        this.maxBodyBytes = maxBody.asLongValue();
        this.limits = config.limits();
        this.mapper = mapper;
    }

    void installOn(@Observes Router router) {
        // Refused before the body is read (Vert.x wants body handlers first on a route, hence two routes).
        router.post(graphQlPath).order(ROUTE_ORDER - 1).handler(this::refuseSimpleRequests);
        router.post(graphQlPath).order(ROUTE_ORDER)
                // Reads the body once for this check and for SmallRye (a later BodyHandler sees it read and passes).
                .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
                .handler(this::check);
        // GET is off by default; if switched on for queries, the same limits apply to them.
        if (getEnabled) {
            router.get(graphQlPath).order(ROUTE_ORDER).handler(context -> checkDocument(context,
                    context.request().getParam("query"), context.request().getParam("operationName")));
        }
    }

    private void refuseSimpleRequests(RoutingContext context) {
        String type = mediaType(context.request().headers().getAll(HttpHeaders.CONTENT_TYPE));
        if (!JSON_TYPES.contains(type) && PREFLIGHT_HEADERS.stream().noneMatch(h -> context.request().getHeader(h) != null)) {
            refuse(context, 415, "POST /graphql needs 'Content-Type: application/json' (or a 'GraphQL-Require-Preflight'"
                    + " or 'X-Requested-With' header); '" + (type.isEmpty() ? "none" : type) + "' was sent.", null);
            return;
        }
        context.next();
    }

    private void check(RoutingContext context) {
        List<String> contentTypes = context.request().headers().getAll(HttpHeaders.CONTENT_TYPE);
        String type = mediaType(contentTypes);
        if (contentTypes.size() > 1 || contentTypes.stream().anyMatch(value -> value.contains(","))) {
            // SmallRye reads the raw header and takes everything after 'charset=' as the charset name (a 500 for
            // "application/json; charset=utf-8, application/json"): it gets the one type the list names instead.
            context.request().headers().set(HttpHeaders.CONTENT_TYPE, type);
        }
        String query;
        String name = null;
        if (JSON_TYPES.contains(type)) {
            JsonNode body;
            try {
                body = mapper.readTree(context.body().asString("UTF-8"));
            } catch (JacksonException notJson) {
                refuse(context, 400, "The request body is not valid JSON.", null);
                return;
            }
            if (body == null || !body.isObject() || !body.path("query").isTextual()) {
                refuse(context, 400, "The request body must be a JSON object with a 'query' string.", null);
                return;
            }
            query = body.get("query").asText();
            JsonNode operationName = body.get("operationName");
            name = operationName == null || operationName.isNull() ? null : operationName.asText();
        } else if (type.equals("application/graphql")) {
            query = context.body().asString("UTF-8");
        } else {
            refuse(context, 415, "Unsupported Content-Type '" + type + "': send application/json.", null);
            return;
        }
        checkDocument(context, query, name);
    }

    private void checkDocument(RoutingContext context, String query, String name) {
        if (query == null) {
            context.next(); // SmallRye answers a missing query
            return;
        }
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException unparseable) {
            context.next(); // SmallRye answers syntax errors in the GraphQL way, with locations
            return;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        OperationDefinition operation = operations.stream()
                .filter(o -> name == null ? operations.size() == 1 : name.equals(o.getName()))
                .findFirst().orElse(null);
        if (operation == null) {
            refuse(context, 400, name == null ? "The document has several operations: send 'operationName'."
                    : "The document has no operation named '" + name + "'.", null);
            return;
        }
        OperationPlan plan = OperationPlan.of(document, operation);
        if (plan.siteFields() > limits.maxSiteFields()) {
            refuse(context, 200, "The operation selects " + plan.siteFields() + " 'site' fields; at most "
                    + limits.maxSiteFields() + " are allowed (GATEWAY_LIMITS_MAX_SITE_FIELDS).", "QUERY_TOO_EXPENSIVE");
            return;
        }
        if (plan.upstreamCalls() > limits.maxUpstreamCalls()) {
            refuse(context, 200, "The operation would make at least " + plan.upstreamCalls() + " upstream calls; at most "
                    + limits.maxUpstreamCalls() + " are allowed per operation (GATEWAY_LIMITS_MAX_UPSTREAM_CALLS).",
                    "QUERY_TOO_EXPENSIVE");
            return;
        }
        context.next();
    }

    /** A GraphQL-shaped error answer; {@code code} null for HTTP-level refusals. */
    private void refuse(RoutingContext context, int status, String message, String code) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode error = body.putArray("errors").addObject();
        error.put("message", message);
        if (code != null) {
            error.putObject("extensions").put("code", code);
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body.toString());
    }

    /**
     * The media type that Content-Type names, without parameters, in lower case. A repeated header (GraphiQL's
     * fetcher sends it twice, and browsers join the values: {@code application/json, application/json}) names
     * one type when all its entries agree; a list of different types is returned whole, so it matches none.
     */
    private static String mediaType(List<String> contentTypes) {
        Set<String> types = contentTypes.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(entry -> {
                    int semicolon = entry.indexOf(';');
                    return (semicolon < 0 ? entry : entry.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
                })
                .filter(type -> !type.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return String.join(", ", types);
    }
}
