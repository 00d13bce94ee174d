package app.tinylytics.gateway.security.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What an attacker can read without a key, and whether random keys cost the gateway state: after every other attack,
 * the metrics anyone can scrape and the logs operators ship must hold no key, no key-shaped string and no hash of a key
 * (plain SHA-256 or the deployment's HMAC, whole or as a 12-character prefix), nor any JWT the suite sent; a few hundred
 * random {@code Bearer tly-…} keys must add no metric series and spend nothing of the server key's budget.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class MetricsAndLogsAttacks {

    private static final int RANDOM_KEYS = 300;
    /** A Tinylytics key anywhere in a text (an ellipsis such as "tly-…" in a message is not one). */
    private static final Pattern KEY_SHAPED = Pattern.compile("tly-[a-z]{2}-[A-Za-z0-9_\\-]{4,}");
    /** The gateway's own metrics: a series per key would show among them. */
    private static final List<String> OWN_METRICS = List.of("gateway_", "http_server_", "http_client_", "ft_");

    /** Series that may appear meanwhile for reasons of their own (a health probe's first upstream call). */
    private static final int MAX_UNRELATED_SERIES = 10;
    /** A label naming a key or its identity; the server keys may be labelled by role only. */
    private static final Pattern KEY_LABEL = Pattern.compile("[{,](key|apiKey|api_key|keyId|key_id|identity)=\"(?!(read|write)\")");

    /** What the random keys did, for the outcome recorded once the scan for leaks (which includes them) is done. */
    private static final List<String> RANDOM_KEY_DETAILS = new ArrayList<>();

    @Test
    @Order(1)
    void randomKeysAddNoSeriesAndSpendNothingOfTheServerKey() {
        Deployment gateway = Deployments.jwt();
        Attacker frontend = gateway.anonymous().bearer(Tokens.valid(Tokens.FRONTEND, java.util.Set.of()));
        for (int i = 0; i < 5; i++) {
            gateway.forwarding(SuiteKeys.random()).post(CrossKeyAttacks.DASHBOARD); // every series an unknown key can make
        }
        int serverBudget = frontend.post("{ rateLimit { remaining } }").at("data.rateLimit.remaining").asInt();
        List<String> before = series(gateway.gateway().metrics());
        gateway.upstream().forgetCalls();

        for (int i = 0; i < RANDOM_KEYS; i++) {
            Answer answer = gateway.forwarding(SuiteKeys.random()).post("{ me { email } }");
            assertEquals("UNAUTHENTICATED", answer.code(), answer::toString);
        }
        assertEquals(RANDOM_KEYS, gateway.upstream().callCount(), "each random key is tried upstream once");
        List<String> after = series(gateway.gateway().metrics());
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        // A series per key would add hundreds; a background probe may add one of its own meanwhile.
        assertTrue(added.size() < MAX_UNRELATED_SERIES, () -> added.size() + " series added by " + RANDOM_KEYS + " random keys: " + added);
        assertEquals(List.of(), after.stream().filter(line -> KEY_LABEL.matcher(line).find()).toList(), "series labelled by key");
        assertEquals(serverBudget, frontend.post("{ rateLimit { remaining } }").at("data.rateLimit.remaining").asInt(),
                "the server key's budget");

        RANDOM_KEY_DETAILS.add(RANDOM_KEYS + " random keys, one upstream call each (401): the gateway's own series "
                + before.size() + " → " + after.size() + " (" + added + ")" + ", the server key's `remaining` " + serverBudget + " → " + serverBudget);
    }

    @Test
    @Order(2)
    void noKeyNorAnyFormOfOneIsInTheMetricsOrTheLogs() {
        List<String> leaks = new ArrayList<>();
        for (Deployment deployment : Deployments.all()) {
            String metrics = deployment.gateway().metrics();
            String log = deployment.gateway().logText();
            leaks.addAll(leaks(deployment.gateway().name() + " /q/metrics", metrics));
            if (metrics.contains("tly-")) {
                leaks.add(deployment.gateway().name() + " /q/metrics contains 'tly-'");
            }
            leaks.addAll(leaks(deployment.gateway().name() + " log", log));
        }
        assertEquals(List.of(), leaks);

        List<String> details = new ArrayList<>(RANDOM_KEY_DETAILS);
        details.add("searched: " + Deployments.all().size() + " gateways' `/q/metrics` and logs for " + SuiteKeys.keys().size()
                + " keys, their SHA-256 and HMAC (whole and 12-character prefixes), `tly-`, key-shaped strings and "
                + SuiteKeys.tokens().size() + " JWTs: nothing found");
        AttackReport.measured(Attack.KEYS_IN_METRICS_AND_LOGS, "after every attack above, 3 gateways' `/q/metrics` and"
                + " logs: 0 keys, hashes of keys (SHA-256 or HMAC, whole or prefix), key-shaped strings or JWTs; "
                + RANDOM_KEYS + " random keys: no series per key, none labelled by key, the server key's budget unchanged", details);
    }

    /** Every key, key-shaped string, hash of a key or JWT found in {@code text}. */
    private static List<String> leaks(String where, String text) {
        List<String> leaks = new ArrayList<>();
        for (String key : SuiteKeys.keys()) {
            if (text.contains(key)) {
                leaks.add(where + " holds a key");
            }
            for (String form : SuiteKeys.derivedForms(key)) {
                if (text.contains(form)) {
                    leaks.add(where + " holds a hash of a key: " + form);
                }
            }
        }
        for (String token : SuiteKeys.tokens()) {
            String signature = token.substring(token.lastIndexOf('.') + 1);
            if (text.contains(token) || (signature.length() > 16 && text.contains(signature))) {
                leaks.add(where + " holds a JWT");
            }
        }
        Matcher keyShaped = KEY_SHAPED.matcher(text);
        while (keyShaped.find()) {
            leaks.add(where + " holds a key-shaped string at " + keyShaped.start());
        }
        return leaks;
    }

    /** The name and labels of each of the gateway's own series in a scrape, sorted. */
    private static List<String> series(String scrape) {
        return scrape.lines()
                .filter(line -> OWN_METRICS.stream().anyMatch(line::startsWith))
                .map(line -> line.indexOf('}') > 0 ? line.substring(0, line.indexOf('}') + 1) : line.split(" ")[0])
                .sorted()
                .toList();
    }
}
