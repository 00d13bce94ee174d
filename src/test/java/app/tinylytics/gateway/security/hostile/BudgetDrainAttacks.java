package app.tinylytics.gateway.security.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * One caller spending a server key's hour for everybody, on a closed network where any caller may use the server read
 * key (open reads) with a small hourly limit: the caller is cut off at its share, with the time to retry, while other
 * callers go on; a caller that is not a trusted proxy cannot become somebody else by sending {@code X-Forwarded-For}.
 * Callers are told apart by loopback address: 127.0.0.2, 127.0.0.3… all reach the gateway on 127.0.0.1.
 */
abstract class BudgetDrainAttacks {

    private static final int SHARE = Deployment.OPEN_HOURLY_LIMIT * 20 / 100;
    private static final String RATE_LIMIT = "{ rateLimit { limit remaining callerShare { limit remaining } } }";

    @Test
    void oneCallerDrainingTheServerKeyIsLimitedAloneWhileOthersAreServed() {
        Deployment gateway = Deployments.openReads();
        Attacker mallory = gateway.anonymous().from("127.0.0.2");
        List<String> details = new ArrayList<>();
        int before = remaining(gateway.anonymous().from("127.0.0.9"));

        int spent = drain(gateway, mallory, "mallory");
        assertEquals(SHARE, spent, "upstream calls made for mallory before she was limited");
        gateway.upstream().forgetCalls();
        Answer limited = mallory.post(reads("mallory", 999));
        assertEquals("RATE_LIMITED", limited.code(), limited::toString);
        int retryAfter = limited.extensions().path("retryAfterSeconds").asInt();
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, limited::toString);
        assertEquals(0, gateway.upstream().callCount(), "a limited caller costs no upstream call");
        details.add("mallory (127.0.0.2): " + spent + " upstream calls, then `RATE_LIMITED`, retryAfterSeconds " + retryAfter
                + ", 0 upstream calls");

        Answer share = mallory.post(RATE_LIMIT);
        assertEquals(SHARE, share.at("data.rateLimit.callerShare.limit").asInt(), share::toString);
        assertEquals(0, share.at("data.rateLimit.callerShare.remaining").asInt(), share::toString);
        assertEquals(Deployment.OPEN_HOURLY_LIMIT, share.at("data.rateLimit.limit").asInt(), share::toString);
        assertEquals(before - spent, share.at("data.rateLimit.remaining").asInt(), share::toString);
        details.add("mallory's `rateLimit`: " + share.at("data.rateLimit"));

        Attacker other = gateway.anonymous().from("127.0.0.3");
        Answer served = other.post(reads("other", 1));
        assertNull(served.code(), served::toString);
        assertEquals(1, gateway.upstream().callCount(), "the other caller's read");
        Answer otherShare = other.post(RATE_LIMIT);
        assertEquals(SHARE - 1, otherShare.at("data.rateLimit.callerShare.remaining").asInt(), otherShare::toString);
        details.add("another caller (127.0.0.3): served, 1 upstream call; its `rateLimit`: " + otherShare.at("data.rateLimit"));

        AttackReport.measured(Attack.BUDGET_DRAIN, "after " + SHARE + " upstream calls for one caller, its next read:"
                + " `RATE_LIMITED`, `retryAfterSeconds` ≤ 3600, 0 upstream calls; its `callerShare` shows " + SHARE
                + " allowed, 0 left; the key's `remaining` down by exactly " + SHARE + "; another caller served (1 call)",
                details);
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerDoesNotEscapeTheShare() {
        Deployment gateway = Deployments.openReads();
        Attacker eve = gateway.anonymous().from("127.0.0.5");
        List<String> details = new ArrayList<>();
        int spent = drain(gateway, eve, "eve");
        assertEquals(SHARE, spent);
        gateway.upstream().forgetCalls();

        List<String> spoofs = List.of("203.0.113.9", "203.0.113.9, 127.0.0.4", "127.0.0.4", "unknown", "198.51.100.7");
        for (String spoof : spoofs) {
            Answer answer = eve.with("X-Forwarded-For", spoof).post(reads("eve-spoofing", spoofs.indexOf(spoof) + 1));
            assertEquals("RATE_LIMITED", answer.code(), () -> "X-Forwarded-For: " + spoof + " → " + answer);
            details.add("eve (127.0.0.5, untrusted) with `X-Forwarded-For: " + spoof + "`: " + answer.code());
        }
        Answer twoHeaders = eve.with("X-Forwarded-For", "203.0.113.10").with("X-Forwarded-For", "203.0.113.11")
                .post(reads("eve-spoofing", 99));
        assertEquals("RATE_LIMITED", twoHeaders.code(), twoHeaders::toString);
        details.add("eve with two X-Forwarded-For headers: " + twoHeaders.code());
        assertEquals(0, gateway.upstream().callCount(), "spoofed headers cost no upstream call");

        Attacker proxy = gateway.anonymous().from(Deployment.TRUSTED_PROXY);
        Answer relayed = proxy.with("X-Forwarded-For", "127.0.0.5").post(reads("eve-via-proxy", 1));
        assertEquals("RATE_LIMITED", relayed.code(), () -> "the trusted proxy relaying eve: " + relayed);
        Answer client = proxy.with("X-Forwarded-For", "198.51.100.7").post(reads("behind-proxy", 1));
        assertNull(client.code(), client::toString);
        assertEquals(1, gateway.upstream().callCount(), "the proxied client's read");
        details.add("the trusted proxy (127.0.0.4) relaying eve: " + relayed.code() + "; relaying 198.51.100.7: served, 1 call");

        AttackReport.measured(Attack.FORWARDED_FOR_SPOOFING, spoofs.size() + 1 + " spoofed headers from a limited caller:"
                + " still `RATE_LIMITED`, 0 upstream calls; the trusted proxy's `X-Forwarded-For` is believed", details);
    }

    /** Distinct reads for {@code caller} until it is limited; the upstream calls made meanwhile. */
    private static int drain(Deployment gateway, Attacker caller, String name) {
        gateway.upstream().forgetCalls();
        for (int page = 1; page <= Deployment.OPEN_HOURLY_LIMIT; page++) {
            Answer answer = caller.post(reads(name, page));
            if ("RATE_LIMITED".equals(answer.code())) {
                return gateway.upstream().callCount();
            }
            assertNull(answer.code(), answer::toString);
        }
        return fail(name + " was never limited");
    }

    /** A read nobody else makes: hits of its own path and page (the site is read once and cached). */
    private static String reads(String caller, int page) {
        return "{ site(id: \"456\") { hits(path: \"/" + caller + "\", page: " + page + ") { nodes { path } } } }";
    }

    private static int remaining(Attacker caller) {
        return caller.post(RATE_LIMIT).at("data.rateLimit.remaining").asInt();
    }
}
