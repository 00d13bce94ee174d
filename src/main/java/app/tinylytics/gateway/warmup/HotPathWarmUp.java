package app.tinylytics.gateway.warmup;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.operation.ReadUse;
import app.tinylytics.gateway.security.KeyIdentities;
import app.tinylytics.gateway.transport.GraphQLRequest;
import app.tinylytics.gateway.transport.HttpTransport;
import app.tinylytics.gateway.transport.OperationCache;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.cache.Generations;

/**
 * Before the gateway reports ready, sends it repeated queries over loopback that the operation cache answers: the
 * path every repeated dashboard takes (HTTP, the caller's key, the cache key, the answer's reads checked against
 * their generations, the write). A new JVM interprets that path until the JIT has seen it some thousand times, so a
 * fresh replica used to serve a tenth of its speed for its first seconds; warmed here, it starts near full speed.
 * <p>
 * The answer is made up and kept under a key made for this process alone, which no client knows and which never
 * goes upstream (nothing is executed); it is dropped when the warm-up ends. The requests show in the HTTP server's
 * and the operation cache's metrics, and nowhere else: no operation runs, so none is logged.
 */
@ApplicationScoped
public class HotPathWarmUp {

    /** Requests in flight at once: enough for both event loops to see the path. */
    private static final int CONNECTIONS = 4;
    private static final String DOCUMENT = "query WarmUp { sites { id label } }";
    private static final byte[] BODY = ("{\"query\":\"" + DOCUMENT + "\"}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] ANSWER = "{\"data\":{\"sites\":[]}}".getBytes(StandardCharsets.UTF_8);

    private final int requests;
    private final Duration maxDuration;
    private final OperationCache answers;
    private final KeyIdentities identities;
    private final Generations generations;
    private final HttpTransport transport;
    private final Vertx vertx;
    private final Clock clock;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long startedAt;

    HotPathWarmUp(GatewayConfig config, OperationCache answers, KeyIdentities identities, Generations generations,
            HttpTransport transport, Vertx vertx, Clock clock) {
        this.requests = config.warmUp().requests();
        this.maxDuration = config.warmUp().maxDuration();
        this.answers = answers;
        this.identities = identities;
        this.generations = generations;
        this.transport = transport;
        this.vertx = vertx;
        this.clock = clock;
    }

    void started(@Observes StartupEvent event) {
        startedAt = System.nanoTime();
        if (requests <= 0) {
            outcome.complete(new Outcome(0, 0, Duration.ZERO));
        }
    }

    /** Quarkus announces its HTTP server asynchronously, once it listens. */
    void serving(@ObservesAsync HttpServerStart server) {
        if (requests <= 0 || outcome.isDone() || !running.compareAndSet(false, true)) {
            return;
        }
        String host = server.options().getHost();
        int port = server.options().getPort();
        if (port <= 0) {
            outcome.complete(new Outcome(0, 0, Duration.ZERO)); // a random port not known here: start cold
            return;
        }
        run(loopback(host), port, requests).whenComplete((done, failure) -> {
            if (failure != null) {
                Log.warnf("Warm-up failed (%s): the gateway starts cold", failure.toString());
                outcome.complete(new Outcome(0, 0, Duration.ZERO));
            } else {
                Log.infof("Warm-up: %d requests answered from the operation cache in %d ms (%d failed)", done.answered(),
                        done.took().toMillis(), done.failed());
                outcome.complete(done);
            }
        });
    }

    /**
     * True once the warm-up has ended, or could not end in its time (a gateway that cannot warm up is still
     * ready, only slower at first).
     */
    public boolean done() {
        long started = startedAt;
        return outcome.isDone() || (started != 0 && System.nanoTime() - started > maxDuration.toNanos());
    }

    /** Sends {@code count} cached queries to the gateway at {@code host:port}; completes with how it went. */
    CompletionStage<Outcome> run(String host, int port, int count) {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String key = "tly-ro-warmup-" + HexFormat.of().formatHex(secret);
        String cacheKey = answers.keyOf(identities.of(key).identity(), GraphQLRequest.fromJson(BODY));
        long started = System.nanoTime();
        long deadline = started + maxDuration.toNanos(); // real time, whatever the gateway's clock rate
        return generations.current(0, Endpoint.SITES).subscribeAsCompletionStage().thenCompose(generation -> {
            // Fresh for far longer than the warm-up lasts, even on a sped-up clock: a miss would execute the query.
            answers.store(cacheKey, ANSWER, List.of(new ReadUse("warm-up", 0, Endpoint.SITES.name(), generation,
                    clock.instant().plus(Duration.ofDays(1)), null)));
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(host).setDefaultPort(port)
                    .setMaxPoolSize(CONNECTIONS).setKeepAlive(true));
            Loop loop = new Loop(client, "Bearer " + key, count, deadline);
            return loop.start().whenComplete((outcome, failure) -> {
                answers.forget(cacheKey);
                client.close();
            }).thenApply(ignored -> new Outcome(loop.answered.get(), loop.failed.get(),
                    Duration.ofNanos(System.nanoTime() - started)));
        });
    }

    private static String loopback(String host) {
        return host == null || host.equals("0.0.0.0") ? "127.0.0.1" : host.equals("::") || host.equals("[::]") ? "::1" : host;
    }

    /** How the warm-up went. */
    record Outcome(int answered, int failed, Duration took) {
    }

    /**
     * {@link #CONNECTIONS} requests in flight, each answer sending the next, until the count or the deadline, or the
     * first request not answered from the cache (whatever went wrong, it must not run again).
     */
    private final class Loop {

        private final HttpClient client;
        private final String authorization;
        private final int count;
        private final long deadline;
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final CompletableFuture<Void> finished = new CompletableFuture<>();

        Loop(HttpClient client, String authorization, int count, long deadline) {
            this.client = client;
            this.authorization = authorization;
            this.count = count;
            this.deadline = deadline;
        }

        CompletableFuture<Void> start() {
            inFlight.set(CONNECTIONS);
            for (int i = 0; i < CONNECTIONS; i++) {
                next();
            }
            return finished;
        }

        private void next() {
            if (sent.getAndIncrement() >= count || failed.get() > 0 || System.nanoTime() - deadline > 0) {
                if (inFlight.decrementAndGet() == 0) {
                    finished.complete(null);
                }
                return;
            }
            client.request(HttpMethod.POST, transport.path())
                    .compose(request -> request.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                            .putHeader(HttpHeaders.ACCEPT, "application/json")
                            .putHeader(HttpHeaders.AUTHORIZATION, authorization)
                            .send(Buffer.buffer(BODY)))
                    .compose(response -> response.body().map(body -> cached(response, body)))
                    .onComplete(result -> {
                        if (result.succeeded() && result.result()) {
                            answered.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                        next();
                    });
        }

        /** True for the made-up answer: anything else means the request did not take the cached path. */
        private boolean cached(HttpClientResponse response, Buffer body) {
            return response.statusCode() == 200 && body.toString(StandardCharsets.UTF_8).equals(new String(ANSWER, StandardCharsets.UTF_8));
        }
    }
}
