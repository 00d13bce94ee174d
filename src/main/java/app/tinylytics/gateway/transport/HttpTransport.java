package app.tinylytics.gateway.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
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
    /**
     * The longest request line and header section taken (bytes of each header's name, ": " and value): Vert.x's
     * defaults. Vert.x's own limits are set higher (application.properties), so that a request between the two gets a
     * GraphQL-shaped 414 or 431 from here rather than Vert.x's bare one.
     */
    private static final int MAX_REQUEST_LINE = 4096;
    private static final int MAX_HEADER_BYTES = 20 * 1024;
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
    private final HttpCaching caching;
    private final AnswerCompression compression;
    private final Instance<ExecutionService> executions;
    private final ObjectMapper mapper;
    /** The queries running now, by operation-cache key, each ending when its response does (see answer). */
    private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    HttpTransport(@ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String rootPath,
            @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String httpRootPath,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
            OperationChecks checks, CallerResolver callers, ClientAddress clientAddresses, Operations operations,
            OperationLog log, OperationCache answers, HttpCaching caching, AnswerCompression compression,
            Instance<ExecutionService> executions, ObjectMapper mapper) {
        this.path = rootPath.startsWith("/") ? rootPath : (httpRootPath.endsWith("/") ? httpRootPath : httpRootPath + "/") + rootPath;
        this.maxBodyBytes = maxBody.asLongValue();
        this.checks = checks;
        this.callers = callers;
        this.clientAddresses = clientAddresses;
        this.operations = operations;
        this.log = log;
        this.answers = answers;
        this.caching = caching;
        this.compression = compression;
        this.executions = executions;
        this.mapper = mapper;
    }

    /** The path GraphQL is served on, e.g. {@code /graphql}. */
    public String path() {
        return path;
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
        try {
            withinSizeLimits(context.request());
            if (isWebSocketUpgrade(context)) {
                context.next();
                return;
            }
            caching.noStoreUnlessCacheable(context);
            compression.onlyWhereWorthIt(context);
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
            requireUtf8Query(context.request().query());
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
    private void answer(RoutingContext context, GraphQLRequest sent, OperationChecks.Transport transport) {
        answer(context, sent, transport, true);
    }

    /**
     * As above; a query missing the cache while the same key's same query is already running ({@code running})
     * waits for that one to end and then asks the cache once more ({@code mayWait} false), so that a burst of
     * identical requests (a fresh replica, or every reader right after the answer's reads expired) runs the
     * operation once instead of once per request. If the first run left nothing to reuse, each runs its own.
     */
    private void answer(RoutingContext context, GraphQLRequest sent, OperationChecks.Transport transport,
            boolean mayWait) {
        MediaType responseType = responseType(context);
        GraphQLRequest request = checks.resolve(sent);
        Caller caller = callers.resolve(context.request().headers().getAll(HttpHeaders.AUTHORIZATION), clientAddress(context));
        String cacheKey = cacheKeyOf(caller, request);
        if (cacheKey == null) {
            execute(context, checks.check(request, transport), caller, responseType, null, () -> {
            });
            return;
        }
        answers.lookup(cacheKey).subscribe().with(cached -> {
            if (cached != null) {
                caching.send(context, 200, responseType, cached.body(), cached.freshUntil());
                return;
            }
            try {
                PreparedOperation prepared = checks.check(request, transport);
                Runnable ended = () -> {
                };
                if (mayWait && prepared.kind() == OperationDefinition.Operation.QUERY) {
                    CompletableFuture<Void> thisOne = new CompletableFuture<>();
                    CompletableFuture<Void> runningOne = running.putIfAbsent(cacheKey, thisOne);
                    if (runningOne != null) {
                        retryAfter(runningOne, () -> {
                            try {
                                answer(context, sent, transport, false);
                            } catch (RequestRefusal refusal) {
                                refuse(context, refusal);
                            } catch (RuntimeException unexpected) {
                                context.fail(unexpected);
                            }
                        });
                        return;
                    }
                    ended = () -> {
                        running.remove(cacheKey, thisOne);
                        thisOne.complete(null);
                    };
                }
                execute(context, prepared, caller, responseType, cacheKey, ended);
            } catch (RequestRefusal refusal) {
                refuse(context, refusal);
            }
        }, context::fail);
    }

    /** Runs {@code retry} on this request's event loop once {@code runningOne} has ended. */
    private static void retryAfter(CompletableFuture<Void> runningOne, Runnable retry) {
        Context here = Vertx.currentContext();
        runningOne.whenComplete((ignored, failure) -> {
            if (here == null) {
                retry.run();
            } else {
                here.runOnContext(nothing -> retry.run());
            }
        });
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
            String cacheKey, Runnable ended) {
        Operation operation = operations.newOperation(prepared.operation().getName(),
                prepared.kind().name().toLowerCase(Locale.ROOT));
        ManagedContext requestContext = Arc.container().requestContext();
        context.response().endHandler(done -> {
            terminate(requestContext);
            ended.run();
        });
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
            ended.run();
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
        for (String encoding : context.request().headers().getAll(HttpHeaders.CONTENT_ENCODING)) {
            if (!encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
                throw RequestRefusal.http(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Encoding '" + encoding
                        + "' is not supported: send the body uncompressed.");
            }
        }
        List<String> transferCodings = context.request().headers().getAll(HttpHeaders.TRANSFER_ENCODING);
        if (!transferCodings.isEmpty() && !String.join(",", transferCodings).strip().equalsIgnoreCase("chunked")) {
            // Netty frames by Content-Length, or by "chunked" wherever it appears: any other coding means the client
            // and the gateway may disagree where the body ends, so refuse and close (RFC 9112, section 6.1).
            context.response().endHandler(ended -> context.response().close());
            throw RequestRefusal.badRequest("Transfer-Encoding '" + String.join(", ", transferCodings)
                    + "' is not supported: send the body with a Content-Length or as 'chunked' alone.");
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
        return GraphQLRequest.utf8(bytes, "The request body is not valid UTF-8.");
    }

    /** A GraphQL-shaped 414 or 431 for a request line or header section the gateway will not take. */
    private static void withinSizeLimits(HttpServerRequest request) {
        int line = request.method().name().length() + 1 + request.uri().length() + 1 + "HTTP/1.1".length();
        if (line > MAX_REQUEST_LINE) {
            throw RequestRefusal.http(414, "URI_TOO_LONG", "The request line is " + line + " characters long; at most "
                    + MAX_REQUEST_LINE + " are taken: send long documents with POST.");
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + 2 + header.getValue().length();
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            throw RequestRefusal.http(431, "REQUEST_HEADER_FIELDS_TOO_LARGE", "The request's headers are " + headerBytes
                    + " bytes; at most " + MAX_HEADER_BYTES + " are taken.");
        }
    }

    /** Vert.x decodes a query string's percent-escapes leniently (U+FFFD for bytes that are not UTF-8); refuse those. */
    private static void requireUtf8Query(String query) {
        if (query == null) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%' && i + 2 < query.length() && HexFormat.isHexDigit(query.charAt(i + 1))
                    && HexFormat.isHexDigit(query.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(query, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c); // the request line reaches Vert.x as ISO-8859-1: one char per byte
            }
        }
        GraphQLRequest.utf8(bytes.toByteArray(), "The query string is not valid UTF-8 once its %-escapes are decoded.");
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
            Instant reusableUntil = ran && result.getErrors().isEmpty() && notice == null ? operation.reusableUntil() : null;
            if (cacheKey != null && reusableUntil != null) {
                answers.store(cacheKey, body, operation.reads());
            }
            if (!context.response().ended()) {
                caching.send(context, ran || type.sameEssence(MediaType.JSON) ? 200 : 400, type, body, reusableUntil);
            }
        }

        @Override
        public void fail(Throwable failure) {
            context.fail(failure);
        }
    }
}
