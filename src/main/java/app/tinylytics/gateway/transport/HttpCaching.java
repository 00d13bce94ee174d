package app.tinylytics.gateway.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import app.tinylytics.gateway.common.Sha256;
import app.tinylytics.gateway.config.GatewayConfig;

/**
 * HTTP caching of GraphQL answers, so that a frontend polling a query over GET costs a {@code 304} and no body while
 * the data has not changed, and nothing at all while its browser may reuse the last answer. A query answer over GET
 * that the operation cache could reuse is {@code Cache-Control: private, max-age=<seconds it stays fresh>} with a weak
 * {@code ETag} (a hash of its bytes; weak because compression may send the same answer in other bytes) and
 * {@code If-None-Match} is honoured; everything else on the GraphQL path (POST, mutations, errors, stale or personal
 * answers, refusals) is {@code no-store}: a private answer must not outlive the freshness the gateway promised.
 */
@ApplicationScoped
public class HttpCaching {

    static final String NO_STORE = "no-store";
    /** What an answer depends on besides the URL: the caller's key or JWT, the media type, the content coding. */
    static final String VARY = "Accept, Accept-Encoding, Authorization";

    private final Clock clock;
    private final double clockRate;

    HttpCaching(Clock clock, GatewayConfig config) {
        this.clock = clock;
        this.clockRate = config.clock().rate();
    }

    /** Every response of this request is {@code no-store} unless {@link #send} makes it cacheable. */
    public void noStoreUnlessCacheable(RoutingContext context) {
        context.addHeadersEndHandler(ended -> {
            if (!context.response().headers().contains(HttpHeaders.CACHE_CONTROL)) {
                context.response().putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
            }
        });
    }

    /**
     * Ends the response with an answer; over GET, an answer reusable until {@code freshUntil} (null: not reusable) is
     * cacheable until then, and a {@code 304} without a body when the client holds the same bytes.
     */
    public void send(RoutingContext context, int status, MediaType type, byte[] body, Instant freshUntil) {
        HttpServerResponse response = context.response();
        if (status == 200 && freshUntil != null && context.request().method().equals(HttpMethod.GET)) {
            String etag = entityTag(body);
            response.putHeader(HttpHeaders.ETAG, etag)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=" + maxAgeSeconds(freshUntil))
                    .putHeader(HttpHeaders.VARY, VARY);
            if (matches(context.request().headers().getAll(HttpHeaders.IF_NONE_MATCH), etag)) {
                response.setStatusCode(304).end();
                return;
            }
        }
        // The length known before the headers go lets AnswerCompression tell a large answer from a small one.
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type.withUtf8())
                .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length))
                .end(Buffer.buffer(body));
    }

    /** Whole seconds the answer stays fresh, in real time (the benchmark may run the gateway's clock faster). */
    private long maxAgeSeconds(Instant freshUntil) {
        long millis = Duration.between(clock.instant(), freshUntil).toMillis();
        return Math.max(0, (long) (millis / clockRate / 1000));
    }

    static String entityTag(byte[] body) {
        return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(Sha256.digest(body), 16)) + "\"";
    }

    /** RFC 9110 §13.1.2: {@code *} or any listed tag equal to ours under weak comparison. */
    private static boolean matches(Iterable<String> ifNoneMatch, String etag) {
        String ours = opaque(etag);
        for (String header : ifNoneMatch) {
            for (String tag : header.split(",")) {
                String candidate = tag.strip();
                if (candidate.equals("*") || opaque(candidate).equals(ours)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
