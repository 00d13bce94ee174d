package app.tinylytics.gateway.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A frontend of the local cluster: GraphQL documents from {@code src/test/resources/graphql/} posted to one replica,
 * health probes, and sums over Prometheus scrapes.
 */
final class ClusterClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();
    /**
     * A sample line: name, labels (whose quoted values may hold braces, e.g. {@code uri="/sites/{id}"}), value, and maybe
     * an exemplar after it ({@code # {trace_id=...} 1.0 ...}).
     */
    private static final Pattern SAMPLE = Pattern.compile(
            "(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*\\})? (\\S+)(?: #.*)?$");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    /** One GraphQL answer: the HTTP status (0 when nothing answered) and the body. */
    record Answer(int status, JsonNode body) {

        boolean answered() {
            return status > 0;
        }

        JsonNode data(String path) {
            return body.at(path);
        }

        boolean hasErrors() {
            return body.has("errors");
        }

        /** The first error's code, or null. */
        String errorCode() {
            JsonNode code = body.at("/errors/0/extensions/code");
            return code.isMissingNode() ? null : code.asText();
        }

        boolean stale() {
            return body.at("/extensions/cache/stale").asBoolean(false);
        }
    }

    /** Posts a document with variables, forwarding {@code key} as the caller's own when it is not null. */
    Answer graphql(URI replica, String document, Map<String, Object> variables, String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document(document));
        body.put("variables", variables);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(replica.resolve("/graphql"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? MissingNode.getInstance() : parse(response.body());
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            return new Answer(0, MissingNode.getInstance());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** The HTTP status of a GET, 0 when nothing answered. */
    int status(URI url) {
        try {
            return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sum of one metric's samples whose labels pass {@code labels}, from {@code root}/q/metrics. */
    double metric(URI root, String name, Predicate<String> labels) {
        String scrape;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(root.resolve("/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(root + "/q/metrics answered " + response.statusCode());
            }
            scrape = response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(root + "/q/metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double sum = 0;
        Matcher sample = SAMPLE.matcher(scrape);
        while (sample.find()) {
            String labelText = sample.group(2) == null ? "" : sample.group(2);
            if (sample.group(1).equals(name) && labels.test(labelText)) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }

    static String document(String name) {
        return DOCUMENTS.computeIfAbsent(name, n -> {
            String path = "graphql/" + n + ".graphql";
            try (InputStream in = ClusterClient.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException("No test document " + path);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
