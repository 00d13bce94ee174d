package app.tinylytics.gateway.transport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.ExecutionResult;
import graphql.language.OperationDefinition;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import app.tinylytics.gateway.error.GatewayException;
import app.tinylytics.gateway.operation.Operation;
import app.tinylytics.gateway.operation.OperationLog;
import app.tinylytics.gateway.operation.Operations;
import app.tinylytics.gateway.security.Caller;
import app.tinylytics.gateway.security.CallerResolver;
import app.tinylytics.gateway.security.ClientAddress;
import app.tinylytics.gateway.security.CurrentCaller;

/**
 * GraphQL over HTTP on {@code /graphql}, as browsers and client libraries really send it. Headers are read as
 * media-type lists (repeated, comma-joined, with parameters, any case); the answer is
 * {@code application/graphql-response+json} when the client accepts it, else {@code application/json}. A cross-site
 * "simple" request (a form or text body, which a browser sends without a CORS preflight) is refused; so is anything
 * malformed, with a 4xx and a GraphQL-shaped body, before any of it runs ({@link OperationChecks}). WebSocket
 * upgrades on the same path go to the WebSocket transport.
 */
@ApplicationScoped
public class HttpTransport {

    /** After SmallRye's WebSocket route (-99), before its HTTP handler (default order), which never runs. */
    private static final int ROUTE_ORDER = -90;
    private static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    /** Headers a browser sends cross-site only after a CORS preflight, so their presence rules out a forged form. */
    private static final List<String> PREFLIGHT_HEADERS = List.of("X-Requested-With", "GraphQL-Require-Preflight");

    private final String path;
    private final long maxBodyBytes;
    private final OperationChecks checks;
    private final CallerResolver callers;
    private final ClientAddress clientAddresses;
    private final Operations operations;
    private final OperationLog log;
    private final OperationCache answers;
    private final Instance<ExecutionService> executions;
    private final ObjectMapper mapper;

    HttpTransport(@ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String rootPath,
            @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String httpRootPath,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
            OperationChecks checks, CallerResolver callers, ClientAddress clientAddresses, Operations operations,
            OperationLog log, OperationCache answers, Instance<ExecutionService> executions, ObjectMapper mapper) {
        this.path = rootPath.startsWith("/") ? rootPath : (httpRootPath.endsWith("/") ? httpRootPath : httpRootPath + "/") + rootPath;
        this.maxBodyBytes = maxBody.asLongValue();
        this.checks = checks;
        this.callers = callers;
        this.clientAddresses = clientAddresses;
        this.operations = operations;
        this.log = log;
        this.answers = answers;
        this.executions = executions;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route(path).order(ROUTE_ORDER).handler(this::screen);
        router.post(path).order(ROUTE_ORDER + 1)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
                .handler(this::post)
                .failureHandler(this::failed);
        router.get(path).order(ROUTE_ORDER + 1).handler(this::get).failureHandler(this::failed);
    }

    /** What can be decided from the request line and headers alone, before a body is read. */
    private void screen(RoutingContext context) {
        if (isWebSocketUpgrade(context)) {
            context.next();
            return;
        }
        try {
            HttpMethod method = context.request().method();
            if (method.equals(HttpMethod.OPTIONS)) {
                context.response().setStatusCode(204).putHeader(HttpHeaders.ALLOW, ALLOWED_METHODS).end();
                return;
            }
            if (!method.equals(HttpMethod.POST) && !method.equals(HttpMethod.GET)) {
                context.response().putHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
                throw RequestRefusal.http(405, "METHOD_NOT_ALLOWED", method.name() + " is not allowed on " + path
                        + ": send GraphQL requests with POST (or queries with GET).");
            }
            responseType(context);
            if (method.equals(HttpMethod.POST)) {
                bodyType(context);
            }
            context.next();
        } catch (RequestRefusal refusal) {
            refuse(context, refusal);
        }
    }

    private void post(RoutingContext context) {
        try {
            MediaType body = bodyType(context);
            byte[] bytes = context.body().buffer() == null ? new byte[0] : context.body().buffer().getBytes();
            GraphQLRequest request = body.sameEssence(MediaType.GRAPHQL)
                    ? GraphQLRequest.fromDocument(utf8(bytes))
                    : GraphQLRequest.fromJson(bytes);
            answer(context, request, OperationChecks.Transport.HTTP_POST);
        } catch (RequestRefusal refusal) {
            refuse(context, refusal);
        }
    }

    private void get(RoutingContext context) {
        try {
            Map<String, List<String>> parameters = new HashMap<>();
            context.queryParams().names().forEach(name -> parameters.put(name, context.queryParams().getAll(name)));
            answer(context, GraphQLRequest.fromParameters(parameters), OperationChecks.Transport.HTTP_GET);
        } catch (RequestRefusal refusal) {
            refuse(context, refusal);
        }
    }

    /** A body over the size limit (or any failure before our handler): still answered in the GraphQL shape. */
    private void failed(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        if (context.statusCode() == 413) {
            refuse(context, RequestRefusal.http(413, "REQUEST_TOO_LARGE", "The request body is larger than "
                    + maxBodyBytes + " bytes (GATEWAY_MAX_BODY_SIZE)."));
            return;
        }
        if (context.failure() != null) {
            Log.errorf(context.failure(), "Unexpected failure handling %s %s", context.request().method(), path);
        }
        int status = context.statusCode() >= 400 && context.statusCode() < 500 ? context.statusCode() : 500;
        refuse(context, RequestRefusal.http(status, status == 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST",
                status == 500 ? "The gateway failed to handle the request." : "The request could not be read."));
    }

    /**
     * Answers from the operation cache when the same key asked the same operation and every read it used is still
     * fresh and unchanged; otherwise checks the request and runs it.
     */
    private void answer(RoutingContext context, GraphQLRequest request, OperationChecks.Transport transport) {
        MediaType responseType = responseType(context);
        Caller caller = callers.resolve(context.request().headers().getAll(HttpHeaders.AUTHORIZATION), clientAddress(context));
        String cacheKey = cacheKeyOf(caller, request);
        if (cacheKey == null) {
            execute(context, checks.check(request, transport), caller, responseType, null);
            return;
        }
        answers.lookup(cacheKey).subscribe().with(cached -> {
            if (cached != null) {
                context.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, responseType.withUtf8())
                        .end(Buffer.buffer(cached));
                return;
            }
            try {
                execute(context, checks.check(request, transport), caller, responseType, cacheKey);
            } catch (RequestRefusal refusal) {
                refuse(context, refusal);
            }
        }, context::fail);
    }

    /** The operation-cache key of a query with the caller's read key; null when the caller has no usable key. */
    private String cacheKeyOf(Caller caller, GraphQLRequest request) {
        if (request.query() == null) {
            return null;
        }
        try {
            return answers.keyOf(caller.reads().key().identity(), request);
        } catch (GatewayException refused) {
            return null; // executed, so the refusal reaches the client as a coded error at each field
        }
    }

    /**
     * Runs the checked operation through SmallRye with the request context active, the way Quarkus' own GraphQL
     * handler does, with the caller resolved once for every resolver of the request.
     */
    private void execute(RoutingContext context, PreparedOperation prepared, Caller caller, MediaType responseType,
            String cacheKey) {
        Operation operation = operations.newOperation(prepared.operation().getName(),
                prepared.kind().name().toLowerCase(Locale.ROOT));
        ManagedContext requestContext = Arc.container().requestContext();
        context.response().endHandler(ended -> terminate(requestContext));
        if (!requestContext.isActive()) {
            requestContext.activate();
        }
        try {
            Arc.container().instance(CurrentVertxRequest.class).get().setCurrent(context);
            Arc.container().instance(CurrentCaller.class).get().set(caller);
            Map<String, Object> graphQLContext = new ConcurrentHashMap<>();
            graphQLContext.put("runBlocking", false);
            graphQLContext.put("state", requestContext.getState());
            graphQLContext.put(Operation.CONTEXT_KEY, operation);
            String reusableUnder = prepared.kind() == OperationDefinition.Operation.QUERY ? cacheKey : null;
            executions.get().executeAsync(prepared.request().toJsonP(), graphQLContext,
                    new Writer(context, responseType, operation, reusableUnder));
            SmallRyeContextManager.clearCurrentSmallRyeContext();
            requestContext.deactivate();
        } catch (RuntimeException unexpected) {
            terminate(requestContext);
            throw unexpected;
        }
    }

    private static void terminate(ManagedContext requestContext) {
        SmallRyeContextManager.clearCurrentSmallRyeContext();
        requestContext.terminate();
    }

    /**
     * The response media type: {@code application/graphql-response+json} when the client names it (and prefers it at
     * least as much as JSON), else {@code application/json}, which is also the answer to no Accept header or a wildcard
     * (GraphQL over HTTP, legacy watershed); 406 when the client accepts neither.
     */
    private static MediaType responseType(RoutingContext context) {
        List<MediaType> accepted = MediaType.parseAll(context.request().headers().getAll(HttpHeaders.ACCEPT));
        if (accepted.isEmpty()) {
            return MediaType.JSON;
        }
        double graphql = quality(accepted, MediaType.GRAPHQL_RESPONSE_JSON);
        double json = quality(accepted, MediaType.JSON);
        if (graphql <= 0 && json <= 0) {
            throw RequestRefusal.http(406, "NOT_ACCEPTABLE", "This endpoint answers application/graphql-response+json or"
                    + " application/json; the Accept header allows neither.");
        }
        boolean named = accepted.stream().anyMatch(range -> range.sameEssence(MediaType.GRAPHQL_RESPONSE_JSON) && range.quality() > 0);
        return named && graphql >= json ? MediaType.GRAPHQL_RESPONSE_JSON : MediaType.JSON;
    }

    /** The quality the most specific matching range gives {@code candidate} (RFC 9110 §12.5.1). */
    private static double quality(List<MediaType> accepted, MediaType candidate) {
        MediaType best = null;
        for (MediaType range : accepted) {
            if (range.covers(candidate) && (best == null || specificity(range) > specificity(best))) {
                best = range;
            }
        }
        return best == null ? 0 : best.quality();
    }

    private static int specificity(MediaType range) {
        return range.type().equals("*") ? 0 : range.subtype().equals("*") ? 1 : 2;
    }

    /**
     * The body's media type: JSON in UTF-8, or {@code application/graphql} with a preflight header. A form or text
     * body (what a cross-site page can send without a CORS preflight) is refused.
     */
    private static MediaType bodyType(RoutingContext context) {
        String encoding = context.request().getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw RequestRefusal.http(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Encoding '" + encoding
                    + "' is not supported: send the body uncompressed.");
        }
        List<MediaType> types = MediaType.parseAll(context.request().headers().getAll(HttpHeaders.CONTENT_TYPE));
        if (types.isEmpty()) {
            throw RequestRefusal.http(415, "UNSUPPORTED_MEDIA_TYPE", "POST " + context.request().path()
                    + " needs 'Content-Type: application/json'; none was sent.");
        }
        MediaType type = types.get(0);
        if (types.stream().anyMatch(other -> !other.sameEssence(type))) {
            throw RequestRefusal.http(415, "UNSUPPORTED_MEDIA_TYPE", "The Content-Type header names different media types.");
        }
        boolean json = type.sameEssence(MediaType.JSON);
        boolean preflighted = PREFLIGHT_HEADERS.stream().anyMatch(header -> context.request().getHeader(header) != null);
        if (!json && !(type.sameEssence(MediaType.GRAPHQL) && preflighted)) {
            throw RequestRefusal.http(415, "UNSUPPORTED_MEDIA_TYPE", "POST " + context.request().path()
                    + " needs 'Content-Type: application/json' (or 'application/graphql' with a 'GraphQL-Require-Preflight'"
                    + " header); '" + type.essence() + "' was sent.");
        }
        if (type.charset() != null && !type.charset().equals("utf-8")) {
            throw RequestRefusal.http(415, "UNSUPPORTED_MEDIA_TYPE", "The body must be UTF-8; charset '" + type.charset()
                    + "' was declared.");
        }
        return type;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw RequestRefusal.badRequest("The request body is not valid UTF-8.");
        }
    }

    private static boolean isWebSocketUpgrade(RoutingContext context) {
        String upgrade = context.request().getHeader(HttpHeaders.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    private String clientAddress(RoutingContext context) {
        String peer = context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress();
        return clientAddresses.of(peer, context.request().headers().getAll("X-Forwarded-For"));
    }

    private void refuse(RoutingContext context, RequestRefusal refusal) {
        MediaType type;
        try {
            type = responseType(context);
        } catch (RequestRefusal notAcceptable) {
            type = MediaType.JSON;
        }
        try {
            byte[] body = mapper.writeValueAsBytes(Map.of("errors", refusal.errors()));
            context.response().setStatusCode(refusal.status(type))
                    .putHeader(HttpHeaders.CONTENT_TYPE, type.withUtf8())
                    .end(Buffer.buffer(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An error body could not be written", e);
        }
    }

    /**
     * Writes SmallRye's answer with the operation's {@code extensions.cache}: 200 when the operation ran; a request
     * error without data as {@link RequestRefusal} does. Logs the operation, and keeps a clean answer for reuse.
     */
    private final class Writer implements ExecutionResponseWriter {

        private final RoutingContext context;
        private final MediaType type;
        private final Operation operation;
        private final String cacheKey;

        Writer(RoutingContext context, MediaType type, Operation operation, String cacheKey) {
            this.context = context;
            this.type = type;
            this.operation = operation;
            this.cacheKey = cacheKey;
        }

        @Override
        public void write(ExecutionResponse response) {
            ExecutionResult result = response.getExecutionResult();
            log.finished(operation, result);
            Map<String, Object> notice = operation.cacheNotice();
            byte[] body = (notice == null ? response : new ExecutionResponse(result, Map.of("cache", notice)))
                    .getExecutionResultAsString().getBytes(StandardCharsets.UTF_8);
            boolean ran = result.isDataPresent();
            if (cacheKey != null && ran && result.getErrors().isEmpty() && notice == null && operation.reusable()) {
                answers.store(cacheKey, body, operation.reads());
            }
            if (!context.response().ended()) {
                context.response().setStatusCode(ran || type.sameEssence(MediaType.JSON) ? 200 : 400)
                        .putHeader(HttpHeaders.CONTENT_TYPE, type.withUtf8())
                        .end(Buffer.buffer(body));
            }
        }

        @Override
        public void fail(Throwable failure) {
            context.fail(failure);
        }
    }
}
