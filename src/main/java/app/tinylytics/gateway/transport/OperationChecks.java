package app.tinylytics.gateway.transport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.security.OperationPlan;
import app.tinylytics.gateway.security.OperationSize;

/**
 * Everything checked about a GraphQL request before any of it runs, whatever the transport: which document it runs
 * ({@link PersistedDocuments}: a persisted-query hash, the trusted documents), the document parses and validates, the
 * operation exists and may run over this transport, it stays within the operation limits, and the variables fit their
 * declared types. A request that fails any check is refused whole, never half-executed.
 */
@ApplicationScoped
public class OperationChecks {

    /** How the request arrived: each transport allows different operations. */
    public enum Transport {
        HTTP_POST,
        HTTP_GET,
        WEBSOCKET
    }

    private final PersistedDocuments persisted;
    private final Documents documents;
    private final Instance<GraphQLSchema> schemas;
    private final GatewayConfig.Limits limits;
    /** SmallRye's own limits (graphql-java instrumentations), checked here first so that a refusal carries a code. */
    private final int maxDepth;
    private final int maxComplexity;
    private volatile Set<String> pagedSiteFields;

    OperationChecks(PersistedDocuments persisted, Documents documents, Instance<GraphQLSchema> schemas, GatewayConfig config,
            @ConfigProperty(name = "quarkus.smallrye-graphql.instrumentation-query-depth") Optional<Integer> maxDepth,
            @ConfigProperty(name = "quarkus.smallrye-graphql.instrumentation-query-complexity") Optional<Integer> maxComplexity) {
        this.persisted = persisted;
        this.documents = documents;
        this.schemas = schemas;
        this.limits = config.limits();
        this.maxDepth = maxDepth.orElse(Integer.MAX_VALUE);
        this.maxComplexity = maxComplexity.orElse(Integer.MAX_VALUE);
    }

    /**
     * The request with the document it runs (see {@link PersistedDocuments#resolve}), for a transport that needs the
     * document before the rest of the checks, e.g. to look up an answer already given; {@link #check} does it too.
     */
    public GraphQLRequest resolve(GraphQLRequest request) {
        return persisted.resolve(request);
    }

    public PreparedOperation check(GraphQLRequest sent, Transport transport) {
        GraphQLRequest request = persisted.resolve(sent);
        if (request.query() == null || request.query().isBlank()) {
            throw RequestRefusal.badRequest("The request has no 'query': send the GraphQL document as a string.");
        }
        PreparsedDocumentEntry entry = documents.entry(request.query());
        if (entry.getDocument() == null) {
            throw RequestRefusal.requestErrors("GRAPHQL_PARSE_FAILED", entry.getErrors());
        }
        if (entry.hasErrors()) {
            throw RequestRefusal.requestErrors("GRAPHQL_VALIDATION_FAILED", entry.getErrors());
        }
        OperationDefinition operation = select(entry.getDocument(), request.operationName());
        allowedOver(transport, operation);
        variablesFit(operation, request);
        withinLimits(entry.getDocument(), operation, request.variables());
        return new PreparedOperation(request, entry.getDocument(), operation);
    }

    private static OperationDefinition select(Document document, String name) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (name == null) {
            if (operations.size() != 1) {
                throw RequestRefusal.requestError("GRAPHQL_VALIDATION_FAILED",
                        "The document has " + operations.size() + " operations: send 'operationName' to choose one.");
            }
            return operations.get(0);
        }
        return operations.stream().filter(operation -> name.equals(operation.getName())).findFirst()
                .orElseThrow(() -> RequestRefusal.requestError("GRAPHQL_VALIDATION_FAILED",
                        "The document has no operation named '" + name + "'."));
    }

    private static void allowedOver(Transport transport, OperationDefinition operation) {
        switch (operation.getOperation()) {
            case QUERY -> {
            }
            case MUTATION -> {
                if (transport == Transport.HTTP_GET) {
                    throw RequestRefusal.http(405, "METHOD_NOT_ALLOWED", "Mutations are only accepted over POST.");
                }
            }
            case SUBSCRIPTION -> {
                if (transport != Transport.WEBSOCKET) {
                    throw RequestRefusal.requestError("BAD_REQUEST", "Subscriptions run over GraphQL over WebSocket"
                            + " (graphql-transport-ws) on this same path, not over plain HTTP.");
                }
            }
        }
    }

    private void withinLimits(Document document, OperationDefinition operation, Map<String, Object> variables) {
        OperationSize size = OperationSize.of(document, operation);
        if (size.depth() > maxDepth) {
            throw RequestRefusal.requestError("QUERY_TOO_EXPENSIVE", "The operation is " + size.depth()
                    + " fields deep; at most " + maxDepth + " levels are allowed (GATEWAY_MAX_QUERY_DEPTH).");
        }
        if (size.complexity() > maxComplexity) {
            throw RequestRefusal.requestError("QUERY_TOO_EXPENSIVE", "The operation's complexity is "
                    + (size.complexity() == Long.MAX_VALUE ? "beyond measure" : String.valueOf(size.complexity()))
                    + " (one per field, fragments counted at every spread); at most " + maxComplexity
                    + " is allowed (GATEWAY_MAX_QUERY_COMPLEXITY).");
        }
        OperationPlan plan = OperationPlan.of(document, operation, variables, pagedSiteFields());
        if (plan.siteFields() > limits.maxSiteFields()) {
            throw RequestRefusal.requestError("QUERY_TOO_EXPENSIVE", "The operation selects " + plan.siteFields()
                    + " 'site' fields; at most " + limits.maxSiteFields() + " are allowed (GATEWAY_LIMITS_MAX_SITE_FIELDS).");
        }
        if (plan.upstreamCalls() > limits.maxUpstreamCalls()) {
            throw RequestRefusal.requestError("QUERY_TOO_EXPENSIVE", "The operation would make at least "
                    + plan.upstreamCalls() + " upstream calls; at most " + limits.maxUpstreamCalls()
                    + " are allowed per operation (GATEWAY_LIMITS_MAX_UPSTREAM_CALLS).");
        }
        if (plan.rows() > limits.maxRows()) {
            throw RequestRefusal.requestError("QUERY_TOO_EXPENSIVE", "The operation asks for " + plan.rows()
                    + " rows (the sum of its fields' perPage, 100 where absent); at most " + limits.maxRows()
                    + " are allowed per operation (GATEWAY_LIMITS_MAX_ROWS).");
        }
    }

    /** The {@code Site} fields that take {@code perPage}, as the served schema has them. */
    private Set<String> pagedSiteFields() {
        Set<String> known = pagedSiteFields;
        if (known == null) {
            known = schemas.get().getObjectType("Site").getFieldDefinitions().stream()
                    .filter(field -> field.getArgument("perPage") != null)
                    .map(GraphQLFieldDefinition::getName)
                    .collect(Collectors.toUnmodifiableSet());
            pagedSiteFields = known;
        }
        return known;
    }

    private void variablesFit(OperationDefinition operation, GraphQLRequest request) {
        VariableTypes.check(schemas.get(), operation.getVariableDefinitions(), request.variables());
        try {
            ValuesResolver.coerceVariableValues(schemas.get(), operation.getVariableDefinitions(),
                    RawVariables.of(request.variables()), GraphQLContext.getDefault(), Locale.ROOT);
        } catch (RuntimeException invalid) {
            if (invalid instanceof GraphQLError error) {
                throw RequestRefusal.requestErrors("BAD_USER_INPUT", List.of(error));
            }
            throw RequestRefusal.requestError("BAD_USER_INPUT", "The variables do not fit the operation: " + invalid.getMessage());
        }
    }
}
