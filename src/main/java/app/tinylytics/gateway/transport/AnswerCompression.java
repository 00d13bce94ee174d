package app.tinylytics.gateway.transport;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Which answers on the GraphQL path the HTTP layer compresses ({@code quarkus.http.enable-compression}): those of a
 * media type in {@code quarkus.http.compress-media-types} and at least {@link #MIN_BYTES} long. Quarkus makes that
 * choice for its own routes only; this transport's routes end the response themselves, and without this every answer
 * would be compressed, the small ones into more bytes than they had, for CPU spent on both sides.
 */
@ApplicationScoped
public class AnswerCompression {

    /**
     * Below this an answer fits one TCP segment (an MSS of ~1460 bytes with its headers) either way: gzip would spend
     * CPU on both sides and save no packet. A typical error or a one-site query is below it; a dashboard is far above.
     */
    static final int MIN_BYTES = 1024;

    private final boolean enabled;
    private final List<MediaType> compressed;

    AnswerCompression(@ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.http.compress-media-types", defaultValue = "application/json") List<String> types) {
        this.enabled = enabled;
        this.compressed = MediaType.parseAll(types);
    }

    /**
     * Leaves this request's response uncompressed unless it is worth compressing: an answer written with its
     * {@code Content-Length} (as {@link HttpCaching#send} does), of a listed type, at least {@link #MIN_BYTES} long.
     */
    public void onlyWhereWorthIt(RoutingContext context) {
        if (!enabled) {
            return;
        }
        context.addHeadersEndHandler(ended -> {
            HttpServerResponse response = context.response();
            if (!response.headers().contains(HttpHeaders.CONTENT_ENCODING) && !worthIt(response)) {
                // Vert.x's compressor leaves a response with this header alone and drops the header.
                response.putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
            }
        });
    }

    private boolean worthIt(HttpServerResponse response) {
        String length = response.headers().get(HttpHeaders.CONTENT_LENGTH);
        String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
        if (length == null || type == null || Long.parseLong(length) < MIN_BYTES) {
            return false;
        }
        return MediaType.parseAll(List.of(type)).stream().anyMatch(answer -> compressed.stream().anyMatch(answer::sameEssence));
    }
}
