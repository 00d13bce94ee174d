package app.tinylytics.gateway.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.SiteStubs;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

/**
 * Large answers travel gzipped to clients that accept it, whether GraphQL ran or the operation cache answered, in both
 * GraphQL media types; small answers and refusals travel as they are. Bytes are read off the socket as sent (the JDK
 * client does not decompress).
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class CompressionWireMockTest {

    static final String KUDOS = PersistedQueryRequests.document("kudos");
    static final String SIXTY_KUDOS = IntStream.rangeClosed(1, 60)
            .mapToObj(i -> "{\"id\": " + i + ", \"uid\": \"kudo-" + i + "\", \"path\": \"/blog/post-" + i
                    + "\", \"created_at\": \"2026-02-10T08:15:00Z\"}")
            .collect(Collectors.joining(", ", "{\"kudos\": [", "]}"));

    /** HTTP/1.1, as a browser reaches the gateway through a TLS-terminating ingress (the JDK would try h2c). */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @InjectWireMock
    WireMockServer upstream;

    @TestHTTPResource("/graphql")
    URI graphql;

    @BeforeEach
    void stubUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/kudos")).willReturn(okJson(SIXTY_KUDOS)));
    }

    private HttpResponse<byte[]> post(String body, String accept, String acceptEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(body));
        return send(acceptEncoding == null ? request : request.header("Accept-Encoding", acceptEncoding));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String kudosBody() {
        return "{\"query\": " + PersistedQueryRequests.json(KUDOS) + ", \"variables\": {\"id\": \"456\"}}";
    }

    private static String gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aLargeAnswerIsGzippedWhetherGraphQLRanOrTheOperationCacheAnswered() {
        String plain = new String(post(kudosBody(), "application/json", null).body(), StandardCharsets.UTF_8);
        HttpResponse<byte[]> executed = post(kudosBody().replace("\"456\"}", "\"456\", \"perPage\": 60}"), "application/json", "gzip");
        HttpResponse<byte[]> cached = post(kudosBody(), "application/json", "gzip");

        assertTrue(plain.contains("kudo-60") && plain.length() > 4000, plain);
        assertEquals(Optional.of("gzip"), executed.headers().firstValue("Content-Encoding"));
        assertEquals(Optional.of("gzip"), cached.headers().firstValue("Content-Encoding"));
        assertEquals(plain, gunzip(cached.body()));
        assertThat(cached.body().length * 5, lessThan(plain.length()));
    }

    @Test
    void graphqlResponseJsonIsCompressedToo() {
        HttpResponse<byte[]> answer = post(kudosBody(), "application/graphql-response+json", "gzip");

        assertEquals(Optional.of("gzip"), answer.headers().firstValue("Content-Encoding"));
        assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith("application/graphql-response+json"));
    }

    @Test
    void aGetAnswerIsGzippedWithItsCachingHeaders() {
        String query = "query=" + URLEncoder.encode(KUDOS, StandardCharsets.UTF_8) + "&variables="
                + URLEncoder.encode("{\"id\": \"456\"}", StandardCharsets.UTF_8);
        HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(URI.create(graphql + "?" + query))
                .header("Accept-Encoding", "gzip").GET());

        assertEquals(Optional.of("gzip"), answer.headers().firstValue("Content-Encoding"));
        assertTrue(answer.headers().firstValue("ETag").orElseThrow().startsWith("W/"));
        assertTrue(gunzip(answer.body()).contains("kudo-60"));
    }

    @Test
    void aSmallAnswerOrARefusalIsSentAsItIs() {
        HttpResponse<byte[]> small = post("{\"query\": \"{ __typename }\"}", "application/json", "gzip");
        HttpResponse<byte[]> refused = post("{\"query\": \"{ nope }\"}", "application/json", "gzip");

        assertEquals(Optional.empty(), small.headers().firstValue("Content-Encoding"));
        assertEquals("{\"data\":{\"__typename\":\"Query\"}}", new String(small.body(), StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), refused.headers().firstValue("Content-Encoding"));
        assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("GRAPHQL_VALIDATION_FAILED"));
    }

    @Test
    void nothingIsCompressedForAClientThatDoesNotAskForIt() {
        HttpResponse<byte[]> answer = post(kudosBody(), "application/json", null);

        assertEquals(Optional.empty(), answer.headers().firstValue("Content-Encoding"));
    }
}
