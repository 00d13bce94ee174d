package app.tinylytics.gateway.security.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import app.tinylytics.gateway.transport.GraphQLWebSocket;
import app.tinylytics.gateway.transport.RawRequest;

/**
 * A production gateway whose operator configured its keys and nothing else: anybody who reaches the port must not be
 * able to use the server keys (the message says which settings open them), while a caller forwarding its own key is
 * served; and a page on another site cannot make a browser run a mutation (no GET, no form or text bodies).
 */
abstract class SecureByDefaultAttacks {

    private static final String WRITE = "mutation { trackHit(siteId: \"456\", hit: {path: \"/cross-site\"}) { status } }";

    @Test
    void theServerKeysServeNobodyWhenNoAccessModeIsDeclared() {
        Deployment gateway = Deployments.closed();
        gateway.upstream().forgetCalls();
        List<String> details = new ArrayList<>();
        assertTrue(gateway.gateway().logText().contains("server keys are closed"), "the startup log says why");

        for (String query : List.of("{ me { email } }", "{ sites { id } }", "{ rateLimit { remaining } }")) {
            Answer post = gateway.anonymous().post(query);
            Answer get = gateway.anonymous().get(query);
            for (Answer answer : List.of(post, get)) {
                assertEquals("UNAUTHENTICATED", answer.code(), () -> query + ": " + answer);
                assertTrue(answer.message().contains("GATEWAY_SECURITY_OPEN_READS"), answer::toString);
                assertTrue(answer.message().contains("GATEWAY_SECURITY_JWT_PUBLIC_KEY_LOCATION"), answer::toString);
            }
            details.add("`" + query + "` over POST and GET: " + post.code() + " \"" + post.message() + "\"");
        }
        Answer write = gateway.anonymous().post(WRITE);
        assertEquals("FORBIDDEN", write.code(), write::toString);
        assertTrue(write.message().contains("GATEWAY_SECURITY_OPEN_WRITES"), write::toString);
        details.add("a mutation: " + write.code() + " \"" + write.message() + "\"");

        try (GraphQLWebSocket socket = GraphQLWebSocket.connect(gateway.gateway().graphql())) {
            socket.init();
            socket.subscribe("me", "{ me { email } }");
            JsonNode answer = socket.untilDone("me").get(0);
            assertEquals("UNAUTHENTICATED", Answer.ofPayload(answer).code(), answer::toString);
            socket.subscribe("live", "subscription { siteUpdates(id: \"456\") { label } }");
            JsonNode live = socket.untilDone("live").get(0);
            assertEquals("UNAUTHENTICATED", Answer.ofPayload(live).code(), live::toString);
            details.add("over WebSocket without a key: `{ me { email } }` and `siteUpdates` " + Answer.ofPayload(live).code());
        }
        assertEquals(List.of(), CachePoisoningAttacks.urls(gateway.upstream().calls()), "refused server-key requests cost no upstream call");

        Answer forwarded = gateway.forwarding(SuiteKeys.ALICE).post("{ me { email } sites { id } }");
        assertNull(forwarded.code(), forwarded::toString);
        assertEquals("alice@accounts.test", forwarded.at("data.me.email").asText(), forwarded::toString);
        gateway.upstream().calls().forEach(call -> assertEquals("Bearer " + SuiteKeys.ALICE, call.getHeader("Authorization")));
        details.add("alice forwarding her key: served, " + gateway.upstream().callCount() + " upstream calls with her key");

        AttackReport.measured(Attack.SECURE_BY_DEFAULT, "3 queries over POST and GET: `UNAUTHENTICATED` naming the"
                + " settings; the mutation `FORBIDDEN`; the same over WebSocket `UNAUTHENTICATED`; 0 upstream calls;"
                + " a forwarded key served", details);
    }

    @Test
    void crossSiteRequestsCannotRunAMutation() {
        Deployment gateway = Deployments.closed();
        Attacker carol = gateway.forwarding(SuiteKeys.CAROL_FULL);
        gateway.upstream().forgetCalls();
        Map<String, RawRequest> requests = new LinkedHashMap<>();
        String form = "query=" + URLEncoder.encode(WRITE, StandardCharsets.UTF_8);
        requests.put("the mutation over GET", RawRequest.get("/graphql?" + form));
        requests.put("a form POST", RawRequest.post(form.getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        requests.put("a multipart POST", RawRequest.post(("--b\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n" + WRITE
                + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8)).header("Content-Type", "multipart/form-data; boundary=b"));
        requests.put("a text/plain POST of JSON", RawRequest.post(("{\"query\": \"" + WRITE.replace("\"", "\\\"") + "\"}")
                .getBytes(StandardCharsets.UTF_8)).header("Content-Type", "text/plain"));
        Map<String, Integer> expected = Map.of("the mutation over GET", 405, "a form POST", 415, "a multipart POST", 415,
                "a text/plain POST of JSON", 415);
        List<String> details = new ArrayList<>();

        for (Map.Entry<String, RawRequest> request : requests.entrySet()) {
            Answer answer = carol.send(request.getValue());
            assertEquals(expected.get(request.getKey()), answer.status(), () -> request.getKey() + ": " + answer);
            details.add(request.getKey() + " with a full-access key: " + answer.status() + " " + answer.code());
        }
        assertEquals(List.of(), CachePoisoningAttacks.urls(gateway.upstream().calls()), "refused requests cost no upstream call");
        Answer json = carol.post(WRITE);
        assertEquals("CREATED", json.at("data.trackHit.status").asText(), json::toString);
        details.add("the same mutation as a JSON POST: CREATED, " + gateway.upstream().callCount() + " upstream call");

        AttackReport.measured(Attack.CROSS_SITE, "with a full-access key: the mutation over GET 405; form, multipart and"
                + " text POSTs 415; 0 upstream calls (the same as a JSON POST: written)", details);
    }
}
