package app.tinylytics.gateway.security.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import app.tinylytics.gateway.transport.GraphQLWebSocket;
import app.tinylytics.gateway.transport.RawRequest;

/**
 * Documents built to make the gateway work hard or fan out: aliases, fragments that multiply, depth, thousands of
 * variables or list elements, many operations, repeated directives. Each is sent over POST, GET (when it fits in a
 * request line) and WebSocket by a caller forwarding its own key, so anything that got through would show as an
 * upstream call; each must be refused with its code before anything runs.
 */
abstract class QueryBombAttacks {

    /** The longest GET request target sent: the gateway takes a request line of 4096 characters. */
    private static final int MAX_GET_TARGET = 4000;

    /** One bomb: a document (and variables), and the code it must be refused with. */
    record Bomb(String name, String document, Map<String, Object> variables, String code) {

        Bomb(String name, String document, String code) {
            this(name, document, Map.of(), code);
        }

        boolean mutation() {
            return document.startsWith("mutation");
        }

        String getTarget() {
            return "/graphql?query=" + URLEncoder.encode(document, StandardCharsets.UTF_8);
        }
    }

    static List<Bomb> bombs() {
        return List.of(
                new Bomb("60 aliases of `me`", repeat(60, i -> "a" + i + ": me { email }", " ", "{ ", " }"), "QUERY_TOO_EXPENSIVE"),
                new Bomb("11 aliases of `site`", repeat(11, i -> "s" + i + ": site(id: \"" + (i + 1) + "\") { label }", " ", "{ ", " }"),
                        "QUERY_TOO_EXPENSIVE"),
                new Bomb("55 aliases of a site's `hits`", repeat(55, i -> "h" + i + ": hits(page: " + (i + 1) + ") { pageInfo { totalCount } }",
                        " ", "{ site(id: \"456\") { ", " } }"), "QUERY_TOO_EXPENSIVE"),
                new Bomb("2000 aliases of `__typename`", repeat(2000, i -> "t" + i + ": __typename", " ", "{ ", " }"), "QUERY_TOO_EXPENSIVE"),
                new Bomb("fragments doubling 24 times (16 million spreads)", fragmentsDoubling(24), "QUERY_TOO_EXPENSIVE"),
                new Bomb("a fragment spread 200 times", repeat(200, i -> "...A", " ", "{ ", " }")
                        + " fragment A on Query { me { email } sites { id label } }", "QUERY_TOO_EXPENSIVE"),
                new Bomb("cyclic fragments", "{ ...A } fragment A on Query { me { email } ...B } fragment B on Query { ...A }",
                        "GRAPHQL_VALIDATION_FAILED"),
                new Bomb("depth 35 (introspection `ofType`)", "{ __schema { types { fields { type { "
                        + "ofType { ".repeat(30) + "name" + " }".repeat(30) + " } } } } }", "QUERY_TOO_EXPENSIVE"),
                new Bomb("600 nested selections", "{ " + "site(id: \"456\") { ".repeat(600) + "id" + " }".repeat(601),
                        "GRAPHQL_PARSE_FAILED"),
                new Bomb("3000 declared variables", repeat(3000, i -> "$v" + i + ": String", ", ", "query Vars(", ") { me { email } }"),
                        "GRAPHQL_VALIDATION_FAILED"),
                new Bomb("a 1 MB variable value", "query Site($id: ID!) { site(id: $id) { label } }",
                        Map.of("id", "9".repeat(1_000_000)), "BAD_USER_INPUT"),
                new Bomb("a list of 5000 values for one ID", "{ site(id: [" + repeat(5000, i -> String.valueOf(i), ", ", "", "")
                        + "]) { label } }", "GRAPHQL_VALIDATION_FAILED"),
                new Bomb("a batch of 6000 rows", "mutation Track($hits: [HitInput!]!) { trackHits(siteId: \"456\", hits: $hits)"
                        + " { createdCount } }", Map.of("hits", Collections.nCopies(6000, Map.of("path", "/"))), "BAD_USER_INPUT"),
                new Bomb("100 operations", repeat(100, i -> "query Q" + i + " { me { email } }", " ", "", ""),
                        "GRAPHQL_VALIDATION_FAILED"),
                new Bomb("50 repeated `@include`", "{ me " + "@include(if: true) ".repeat(50) + "{ email } }",
                        "GRAPHQL_VALIDATION_FAILED"),
                new Bomb("20 000 tokens", repeat(20_000, i -> "t" + i + ": __typename", " ", "{ ", " }"), "GRAPHQL_PARSE_FAILED"));
    }

    @Test
    void everyBombIsRefusedWithItsCodeBeforeAnyUpstreamCall() {
        Deployment gateway = Deployments.jwt();
        Attacker alice = gateway.forwarding(SuiteKeys.ALICE);
        int budgetBefore = alice.post("{ rateLimit { remaining } }").at("data.rateLimit.remaining").asInt();
        gateway.upstream().forgetCalls();
        List<String> details = new ArrayList<>();
        Map<String, Integer> codes = new TreeMap<>();
        int sent = 0;

        try (GraphQLWebSocket socket = GraphQLWebSocket.connect(gateway.gateway().graphql())) {
            socket.init(Map.of("Authorization", "Bearer " + SuiteKeys.ALICE));
            for (Bomb bomb : bombs()) {
                List<String> outcomes = new ArrayList<>();
                Answer post = alice.post(bomb.document(), bomb.variables());
                assertEquals(bomb.code(), post.code(), () -> bomb.name() + " over POST: " + post);
                outcomes.add("POST " + post.status() + " " + post.code());
                sent++;

                if (bomb.mutation()) {
                    Answer get = alice.get(bomb.document());
                    assertEquals(405, get.status(), () -> bomb.name() + " over GET: " + get);
                    outcomes.add("GET " + get.status() + " " + get.code());
                    sent++;
                } else if (bomb.variables().isEmpty() && bomb.getTarget().length() <= MAX_GET_TARGET) {
                    Answer get = alice.get(bomb.document());
                    assertEquals(bomb.code(), get.code(), () -> bomb.name() + " over GET: " + get);
                    outcomes.add("GET " + get.status() + " " + get.code());
                    sent++;
                } else {
                    outcomes.add("GET: too long for a request line (414)");
                }

                String id = "bomb-" + sent;
                socket.subscribe(id, bomb.document(), bomb.variables());
                JsonNode first = socket.untilDone(id).get(0);
                Answer overSocket = Answer.ofPayload(first);
                assertEquals(bomb.code(), overSocket.code(), () -> bomb.name() + " over WebSocket: " + first);
                outcomes.add("WebSocket `" + first.path("type").asText() + "` " + overSocket.code());
                sent++;

                codes.merge(bomb.code(), 1, Integer::sum);
                details.add(bomb.name() + " (" + bomb.document().length() + " characters): " + String.join("; ", outcomes));
            }
        }
        assertEquals(List.of(), CachePoisoningAttacks.urls(gateway.upstream().calls()), "a refused bomb must cost no upstream call");
        int budgetAfter = alice.post("{ rateLimit { remaining } }").at("data.rateLimit.remaining").asInt();
        assertEquals(budgetBefore, budgetAfter, "the key's budget after the bombs");
        details.add("upstream calls: 0; the key's `rateLimit.remaining` " + budgetBefore + " before and after");

        String byCode = codes.entrySet().stream().map(entry -> "`" + entry.getKey() + "` ×" + entry.getValue())
                .collect(Collectors.joining(", "));
        AttackReport.measured(Attack.QUERY_BOMBS, bombs().size() + " bombs, " + sent + " requests: " + byCode
                + " (a mutation over GET: 405); 0 upstream calls, the key's budget untouched", details);
    }

    /** The production defaults of GATEWAY_LIMITS_MAX_UPSTREAM_CALLS and GATEWAY_LIMITS_MAX_ROWS. */
    private static final int MAX_UPSTREAM_CALLS = 50;
    private static final int MAX_ROWS = 10_000;

    @Test
    void aFanOutUnderSitesStopsAtTheOperationsCapsOfCallsAndRows() {
        Deployment gateway = Deployments.jwt();
        Attacker dave = gateway.forwarding(SuiteKeys.DAVE_MANY_SITES);
        List<String> details = new ArrayList<>();

        // Planned: 2 calls (sites, and hits counted once) and 100 rows; run: 1 + one hits call per site.
        gateway.upstream().forgetCalls();
        Answer calls = dave.post("{ sites { id hits(path: \"/fan-out\") { nodes { path } } } }");
        int made = gateway.upstream().callCount();
        assertEquals(MAX_UPSTREAM_CALLS, made, () -> "upstream calls for " + SuiteKeys.DAVE_SITES + " sites: " + calls);
        assertEquals(SuiteKeys.DAVE_SITES, calls.at("data.sites").size(), calls::toString);
        assertEquals(List.of("QUERY_TOO_EXPENSIVE"), calls.codes().stream().distinct().toList(), calls::toString);
        assertEquals(SuiteKeys.DAVE_SITES + 1 - MAX_UPSTREAM_CALLS, calls.codes().size(), calls::toString);
        details.add("`sites { hits }` (planned 2 calls, " + (SuiteKeys.DAVE_SITES + 1) + " to run): " + made
                + " upstream calls, " + calls.codes().size() + " `hits` fields `QUERY_TOO_EXPENSIVE`");

        // Planned: 1000 rows; run: a page of 1000 rows per site.
        gateway.upstream().forgetCalls();
        Answer rows = dave.post("{ sites { id hits(path: \"/fan-out-rows\", perPage: 1000) { nodes { path } } } }");
        int pages = (int) gateway.upstream().calls().stream().filter(call -> call.getUrl().contains("/hits")).count();
        assertEquals(MAX_ROWS / 1000, pages, () -> "pages of 1000 rows fetched for " + SuiteKeys.DAVE_SITES + " sites: " + rows);
        assertEquals(List.of("QUERY_TOO_EXPENSIVE"), rows.codes().stream().distinct().toList(), rows::toString);
        assertEquals(SuiteKeys.DAVE_SITES - pages, rows.codes().size(), rows::toString);
        details.add("`sites { hits(perPage: 1000) }` (planned 1000 rows, " + SuiteKeys.DAVE_SITES * 1000 + " to run): " + pages
                + " pages of 1000 rows, " + rows.codes().size() + " `hits` fields `QUERY_TOO_EXPENSIVE`");

        AttackReport.measured(Attack.FAN_OUT, "`sites { hits }` over " + SuiteKeys.DAVE_SITES + " sites: " + made
                + " upstream calls; with `perPage: 1000`: " + pages + " pages (" + pages * 1000 + " rows); the other"
                + " `hits` fields `QUERY_TOO_EXPENSIVE`, the sites' data kept", details);
    }

    @Test
    void batchedRequestsAreRefusedWhole() {
        Deployment gateway = Deployments.jwt();
        Attacker alice = gateway.forwarding(SuiteKeys.ALICE);
        gateway.upstream().forgetCalls();
        List<String> details = new ArrayList<>();

        String batch = repeat(1000, i -> "{\"query\": \"{ a" + i + ": me { email } }\"}", ", ", "[", "]");
        Answer array = alice.send(RawRequest.postJson(batch));
        assertEquals(400, array.status(), array::toString);
        assertEquals("BAD_REQUEST", array.code(), array::toString);
        details.add("a JSON array of 1000 operations in one POST: " + array.status() + " " + array.code());

        String twice = "/graphql?query=" + URLEncoder.encode("{ me { email } }", StandardCharsets.UTF_8) + "&query="
                + URLEncoder.encode("{ sites { id } }", StandardCharsets.UTF_8);
        Answer repeated = alice.send(RawRequest.get(twice));
        assertEquals(400, repeated.status(), repeated::toString);
        assertEquals("BAD_REQUEST", repeated.code(), repeated::toString);
        details.add("GET with `query` twice: " + repeated.status() + " " + repeated.code());

        Answer named = alice.post(repeat(100, i -> "query Q" + i + " { me { email } }", " ", "", ""));
        assertEquals("GRAPHQL_VALIDATION_FAILED", named.code(), named::toString);
        details.add("100 operations in one document without `operationName`: " + named.code());
        assertEquals(List.of(), CachePoisoningAttacks.urls(gateway.upstream().calls()), "a refused batch must cost no upstream call");

        AttackReport.measured(Attack.BATCHING, "a JSON array of 1000 operations: 400 `BAD_REQUEST`; `query` twice over GET:"
                + " 400 `BAD_REQUEST`; 100 operations in one document: `GRAPHQL_VALIDATION_FAILED`; 0 upstream calls", details);
    }

    /** {@code count} items made by {@code item}, joined, between {@code before} and {@code after}. */
    private static String repeat(int count, java.util.function.IntFunction<String> item, String separator, String before,
            String after) {
        return IntStream.range(0, count).mapToObj(item).collect(Collectors.joining(separator, before, after));
    }

    /** {@code F0} spreads {@code F1} twice, which spreads {@code F2} twice, … : 2^levels spreads of the last one. */
    private static String fragmentsDoubling(int levels) {
        StringBuilder document = new StringBuilder("{ site(id: \"456\") { ...F0 } }");
        for (int i = 0; i < levels; i++) {
            document.append(" fragment F").append(i).append(" on Site { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }");
        }
        return document.append(" fragment F").append(levels).append(" on Site { hits { nodes { path } } }").toString();
    }
}
