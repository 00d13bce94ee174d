package app.tinylytics.gateway.security.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import app.tinylytics.gateway.transport.GraphQLWebSocket;

/**
 * JWTs an attacker can make against a gateway whose frontends authenticate with JWTs: each must be refused for reads
 * and writes alike, over HTTP and WebSocket, without an upstream call and without falling back to the server keys; a
 * valid token reads with the server read key and writes with the server write key only when it carries the writer role.
 */
abstract class JwtAttacks {

    static final String READ = "{ me { email } sites { id } }";
    static final String WRITE = "mutation { trackHit(siteId: \"456\", hit: {path: \"/jwt\"}) { status } }";

    static Map<String, String> forged(Deployment gateway) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("signed with another key", Tokens.signedByAnotherKey());
        tokens.put("the attacker's key embedded as `jwk`", Tokens.embeddedJwk());
        tokens.put("`jku` pointing at the attacker's key set", Tokens.jku(gateway.upstream().baseUrl() + "/.well-known/jwks.json"));
        tokens.put("payload tampered (writer role added)", Tokens.tamperedPayload());
        tokens.put("`alg: none`", Tokens.algNone());
        tokens.put("HS256 keyed with the public key", Tokens.hmacWithThePublicKey());
        tokens.put("expired", Tokens.expired());
        tokens.put("not yet valid (`nbf` in an hour)", Tokens.notYetValid());
        tokens.put("wrong audience", Tokens.wrongAudience());
        tokens.put("wrong issuer", Tokens.wrongIssuer());
        tokens.put("no `sub`", Tokens.withoutSubject());
        tokens.put("no `sub`, a `upn`", Tokens.withoutSubjectButUpn());
        tokens.put("blank `sub`", Tokens.blankSubject());
        return tokens;
    }

    @Test
    void forgedTokensAreRefusedWithoutAnUpstreamCallAndValidOnesOnlyAsFarAsTheirRole() {
        Deployment gateway = Deployments.jwt();
        gateway.upstream().forgetCalls();
        List<String> details = new ArrayList<>();
        Map<String, String> forged = forged(gateway);

        for (Map.Entry<String, String> token : forged.entrySet()) {
            Attacker attacker = gateway.anonymous().bearer(token.getValue());
            Answer read = attacker.post(READ);
            Answer write = attacker.post(WRITE);
            assertEquals(List.of("UNAUTHENTICATED", "UNAUTHENTICATED"), read.codes(), () -> token.getKey() + " read: " + read);
            assertEquals("UNAUTHENTICATED", write.code(), () -> token.getKey() + " write: " + write);
            assertFalse(read.text().contains("server"), () -> token.getKey() + ": " + read);
            int closed = refusedOverWebSocket(gateway, token.getValue());
            details.add(token.getKey() + ": read " + read.codes() + ", write " + write.codes() + ", WebSocket closed " + closed);
        }
        Answer none = gateway.anonymous().post(READ);
        Answer noneWrite = gateway.anonymous().post(WRITE);
        assertEquals(List.of("UNAUTHENTICATED", "UNAUTHENTICATED"), none.codes(), none::toString);
        assertEquals("UNAUTHENTICATED", noneWrite.code(), noneWrite::toString);
        details.add("no token at all: read " + none.codes() + ", write " + noneWrite.codes());
        assertEquals(List.of(), CachePoisoningAttacks.urls(gateway.upstream().calls()), "refused tokens must cost no upstream call");

        Attacker frontend = gateway.anonymous().bearer(Tokens.valid(Tokens.FRONTEND, Set.of()));
        Answer read = frontend.post(READ);
        assertNull(read.code(), read::toString);
        assertEquals("server@accounts.test", read.at("data.me.email").asText(), read::toString);
        gateway.upstream().calls().forEach(call -> assertEquals("Bearer " + SuiteKeys.SERVER_READ, call.getHeader("Authorization")));
        gateway.upstream().forgetCalls();
        Answer forbidden = frontend.post(WRITE);
        assertEquals("FORBIDDEN", forbidden.code(), forbidden::toString);
        assertEquals(0, gateway.upstream().callCount(), "a write refused for its role");
        Answer written = gateway.anonymous().bearer(Tokens.writer(Tokens.FRONTEND)).post(WRITE);
        assertEquals("CREATED", written.at("data.trackHit.status").asText(), written::toString);
        List<LoggedRequest> writes = gateway.upstream().calls().stream().filter(call -> call.getMethod().value().equals("POST")).toList();
        assertEquals(1, writes.size());
        assertEquals("Bearer " + SuiteKeys.SERVER_WRITE, writes.get(0).getHeader("Authorization"));
        details.add("a valid JWT: reads with the server read key; its write: FORBIDDEN, 0 calls; with the writer role: "
                + "CREATED, 1 POST with the server write key");

        AttackReport.measured(Attack.FORGED_JWTS, forged.size() + " forged tokens and none at all: `UNAUTHENTICATED` for"
                + " reads and writes, WebSocket closed 4403, 0 upstream calls; a valid one without the writer role:"
                + " `FORBIDDEN` for writes, 0 calls", details);
    }

    /** The close code of a connection whose connection_init carries {@code token}. */
    private static int refusedOverWebSocket(Deployment gateway, String token) {
        try (GraphQLWebSocket socket = GraphQLWebSocket.connect(gateway.gateway().graphql())) {
            socket.sendInit(Map.of("Authorization", "Bearer " + token));
            int code = socket.awaitClose().code();
            assertEquals(4403, code, "connection_init with a forged token");
            return code;
        }
    }
}
