package app.tinylytics.gateway.security.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.tinylytics.gateway.transport.RawRequest;
import app.tinylytics.gateway.transport.RawResponse;

/**
 * What callers share without sharing a key: the registered persisted-query documents (one store for every caller) and
 * HTTP caching ({@code ETag}s that any caller can replay in {@code If-None-Match}). A document can be registered only
 * under its own SHA-256, runs under the caller's own key and limits however it was named, and a {@code 304} is only
 * ever the caller's own answer, computed with its own key.
 */
abstract class SharedStoreAttacks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SITE = "{ site(id: \"456\") { label } }";

    @Test
    void persistedQueriesCannotBePlantedUnderAnotherHashNorSkipTheLimits() {
        Deployment gateway = Deployments.jwt();
        Attacker alice = gateway.forwarding(SuiteKeys.ALICE);
        Attacker bob = gateway.forwarding(SuiteKeys.BOB);
        List<String> details = new ArrayList<>();
        String victim = "query Victim { me { email } }";
        String planted = "query Victim { sites { id label } }";
        gateway.upstream().forgetCalls();

        Answer mismatch = alice.send(post(planted, sha256(victim)));
        assertEquals("PERSISTED_QUERY_HASH_MISMATCH", mismatch.code(), mismatch::toString);
        Answer lookup = bob.send(getByHash(sha256(victim)));
        assertEquals("PERSISTED_QUERY_NOT_FOUND", lookup.code(), lookup::toString);
        assertEquals(0, gateway.upstream().callCount(), "a refused registration runs nothing");
        details.add("another document sent under the victim document's hash: " + mismatch.status() + " " + mismatch.code()
                + "; the hash then looked up: " + lookup.code());

        String bomb = "{ " + String.join(" ", java.util.stream.IntStream.range(0, 60).mapToObj(i -> "a" + i + ": me { email }")
                .toList()) + " }";
        Answer registered = alice.send(post(bomb, sha256(bomb)));
        Answer byHash = alice.send(getByHash(sha256(bomb)));
        assertEquals("QUERY_TOO_EXPENSIVE", registered.code(), registered::toString);
        assertTrue(List.of("QUERY_TOO_EXPENSIVE", "PERSISTED_QUERY_NOT_FOUND").contains(byHash.code()), byHash::toString);
        assertEquals(0, gateway.upstream().callCount(), "a bomb named by its hash runs nothing");
        details.add("60 aliases of `me` registered with their own hash: " + registered.code() + "; then GET by hash alone: "
                + byHash.code() + "; 0 upstream calls");

        Answer own = alice.send(post(victim, sha256(victim)));
        Answer other = bob.send(getByHash(sha256(victim)));
        assertEquals("alice@accounts.test", own.at("data.me.email").asText(), own::toString);
        assertEquals("bob@accounts.test", other.at("data.me.email").asText(), other::toString);
        details.add("alice registers a document; bob runs it by hash: bob's own data (" + other.at("data.me.email").asText() + ")");

        AttackReport.measured(Attack.PERSISTED_QUERY_POISONING, "a document under another's hash: 400"
                + " `PERSISTED_QUERY_HASH_MISMATCH`, nothing registered; a bomb by its hash: `" + byHash.code() + "`, 0 upstream"
                + " calls; a document registered by one caller runs with the other caller's key", details);
    }

    @Test
    void anotherCallersEntityTagNeverAnswersWithoutItsOwnKey() {
        Deployment gateway = Deployments.jwt();
        Attacker alice = gateway.forwarding(SuiteKeys.ALICE);
        Attacker bob = gateway.forwarding(SuiteKeys.BOB);
        List<String> details = new ArrayList<>();

        RawResponse first = alice.exchange(get(SITE));
        String etag = first.header("ETag");
        assertEquals(200, first.status(), first::toString);
        assertNotNull(etag, "a cacheable GET answer has an ETag");
        assertTrue(first.header("Cache-Control").startsWith("private"), first.header("Cache-Control"));
        assertTrue(first.header("Vary").contains("Authorization"), first.header("Vary"));
        details.add("alice's GET: ETag, `Cache-Control: " + first.header("Cache-Control") + "`, `Vary: " + first.header("Vary") + "`");

        RawResponse bobs = bob.exchange(get(SITE).header("If-None-Match", etag));
        assertEquals(200, bobs.status(), "bob replaying alice's ETag");
        assertTrue(Answer.of(bobs).at("data.site.label").asText().startsWith("bob"), () -> Answer.of(bobs).toString());
        assertNotEquals(etag, bobs.header("ETag"));
        details.add("bob replaying alice's ETag: 200 with bob's own site");

        for (String ifNoneMatch : List.of(etag, "*")) {
            Answer guess = gateway.forwarding(SuiteKeys.random()).send(get(SITE).header("If-None-Match", ifNoneMatch));
            assertEquals("UNAUTHENTICATED", guess.code(), () -> ifNoneMatch + ": " + guess);
            Answer anonymous = gateway.anonymous().send(get(SITE).header("If-None-Match", ifNoneMatch));
            assertEquals("UNAUTHENTICATED", anonymous.code(), () -> ifNoneMatch + ": " + anonymous);
            details.add("`If-None-Match: " + (ifNoneMatch.equals("*") ? "*" : "<alice's ETag>") + "` with an unknown key: "
                    + guess.status() + " " + guess.code() + "; without a credential: " + anonymous.status() + " " + anonymous.code());
        }

        RawResponse again = alice.exchange(get(SITE).header("If-None-Match", etag));
        assertEquals(304, again.status(), "alice's own ETag");
        assertNull(Answer.of(again).code());
        details.add("alice with her own ETag: 304");

        AttackReport.measured(Attack.HTTP_CACHE_REPLAY, "another caller's `ETag` (and `*`) in `If-None-Match`: 200 with the"
                + " caller's own data, or `UNAUTHENTICATED` with no or an unknown key, never 304; the owner's own: 304;"
                + " answers `private` with `Vary: Authorization`", details);
    }

    private static RawRequest post(String document, String hash) {
        try {
            return RawRequest.postJson(JSON.writeValueAsBytes(Map.of("query", document,
                    "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RawRequest getByHash(String hash) {
        String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
        return RawRequest.get("/graphql?extensions=" + URLEncoder.encode(extensions, StandardCharsets.UTF_8));
    }

    private static RawRequest get(String document) {
        return RawRequest.get("/graphql?query=" + URLEncoder.encode(document, StandardCharsets.UTF_8));
    }

    private static String sha256(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
