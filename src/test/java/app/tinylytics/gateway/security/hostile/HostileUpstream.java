package app.tinylytics.gateway.security.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The Tinylytics upstream of one packaged gateway under attack: a WireMock server that knows a fixed set of keys, each
 * with its own owner, and answers every read with data that says whose key fetched it and exactly which query string
 * arrived ({@code Hit.source}), so a test can tell from an answer alone whether it was fetched for it or for somebody
 * else. Unknown keys get 401. Every request is in WireMock's journal: that is how the suite counts upstream calls.
 */
final class HostileUpstream implements AutoCloseable {

    /** Upstream's keyless discovery endpoint, asked by the gateway's health checks: not a call on anyone's behalf. */
    private static final String DISCOVERY = "/api/v1/";
    private static final Pattern SITE = Pattern.compile("/api/v1/sites/(\\d+)");
    private static final Pattern HITS = Pattern.compile("/api/v1/sites/(\\d+)/hits");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;

    /** An upstream that knows these keys, each mapped to its owner's name. */
    HostileUpstream(Map<String, String> ownersByKey) {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").port(PackagedGateway.freePort())
                .extensions(new Answers(Map.copyOf(ownersByKey))));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    /** The base URL to give the gateway as {@code TINYLYTICS_API_BASE_URL}. */
    String baseUrl() {
        return server.baseUrl() + "/api/v1";
    }

    /** Requests made on somebody's behalf (health probes of the discovery endpoint aside), oldest first. */
    List<LoggedRequest> calls() {
        List<LoggedRequest> calls = new ArrayList<>();
        server.getAllServeEvents().forEach(event -> {
            if (!event.getRequest().getUrl().equals(DISCOVERY)) {
                calls.add(0, event.getRequest());
            }
        });
        return calls;
    }

    int callCount() {
        return calls().size();
    }

    /** Forgets every request so far, so that a test counts only its own. */
    void forgetCalls() {
        server.resetRequests();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The query string of a request as it arrived, percent-encoding and all ("" when none). */
    static String rawQuery(LoggedRequest request) {
        String url = request.getUrl();
        int question = url.indexOf('?');
        return question < 0 ? "" : url.substring(question + 1);
    }

    /**
     * The parameters of a raw query string decoded as a Rails server decodes them ({@code +} is a space); a name given
     * twice keeps every value, so a smuggled parameter shows.
     */
    static Map<String, List<String>> decodedParameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** Builds every answer from the request: the owner of its key, the site in its path, its query string. */
    private static final class Answers implements ResponseDefinitionTransformerV2 {

        private final Map<String, String> ownersByKey;

        Answers(Map<String, String> ownersByKey) {
            this.ownersByKey = ownersByKey;
        }

        @Override
        public String getName() {
            return "hostile-upstream-answers";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            LoggedRequest request = event.getRequest();
            String path = request.getUrl().replaceFirst("\\?.*", "");
            if (path.equals(DISCOVERY)) {
                return json(200, Map.of("name", "Tinylytics API", "version", "v1"));
            }
            String authorization = request.getHeader("Authorization");
            String owner = authorization == null || !authorization.startsWith("Bearer ") ? null
                    : ownersByKey.get(authorization.substring("Bearer ".length()));
            if (owner == null) {
                return json(401, Map.of("error", "Invalid API key"));
            }
            String method = request.getMethod().value();
            Matcher site = SITE.matcher(path);
            Matcher hits = HITS.matcher(path);
            if (method.equals("GET") && path.equals("/api/v1/me")) {
                return json(200, me(owner));
            }
            if (method.equals("GET") && path.equals("/api/v1/sites")) {
                return json(200, Map.of("sites", owner.equals("dave")
                        ? java.util.stream.IntStream.rangeClosed(1, SuiteKeys.DAVE_SITES).mapToObj(id -> site(1000 + id, owner)).toList()
                        : List.of(site(456, owner))));
            }
            if (method.equals("GET") && site.matches()) {
                return json(200, site(Long.parseLong(site.group(1)), owner));
            }
            if (method.equals("GET") && hits.matches()) {
                return json(200, Map.of("hits", List.of(hit(owner, rawQuery(request))),
                        "pagination", Map.of("current_page", 1, "per_page", 100, "total_count", 1, "total_pages", 1)));
            }
            if (method.equals("POST") && hits.matches()) {
                return json(201, Map.of("status", "created", "hit", hit(owner, "")));
            }
            return json(404, Map.of("error", "Not found"));
        }

        private static Map<String, Object> me(String owner) {
            return Map.of("id", Math.abs(owner.hashCode()), "email", owner + "@accounts.test", "is_subscribed", true,
                    "created_at", "2025-06-01T12:00:00Z",
                    "api_key", Map.of("name", owner + "'s key", "access_type", "read_only"));
        }

        private static Map<String, Object> site(long id, String owner) {
            Map<String, Object> site = new LinkedHashMap<>();
            site.put("id", id);
            site.put("uid", "uid-" + id);
            site.put("url", "https://" + owner + ".example");
            site.put("label", owner + "'s site " + id);
            site.put("lifetime_hits", 100);
            site.put("lifetime_unique_hits", 50);
            site.put("lifetime_kudos", 5);
            site.put("active", true);
            site.put("public", false);
            site.put("created_at", "2025-06-01T12:00:00Z");
            site.put("updated_at", "2026-02-14T09:30:00Z");
            return site;
        }

        /** One hit telling whose key fetched it and the exact query string upstream received. */
        private static Map<String, Object> hit(String owner, String rawQuery) {
            Map<String, List<String>> parameters = decodedParameters(rawQuery);
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("id", 1);
            hit.put("url", "https://" + owner + ".example/");
            hit.put("path", parameters.getOrDefault("path", List.of("/")).get(0));
            hit.put("referrer", parameters.getOrDefault("referrer", List.of("")).get(0));
            hit.put("browser_name", owner);
            hit.put("source", rawQuery);
            hit.put("created_at", "2026-02-14T09:30:00Z");
            return hit;
        }

        private static ResponseDefinition json(int status, Object body) {
            try {
                return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(JSON.writeValueAsString(body)).build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
