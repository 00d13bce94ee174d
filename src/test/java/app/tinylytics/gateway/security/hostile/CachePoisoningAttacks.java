package app.tinylytics.gateway.security.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Cache poisoning with crafted argument values: arguments whose values look like other arguments ({@code &}, {@code =}),
 * escapes ({@code %}, {@code +}), separators ({@code |}), templates, unicode, empty against absent. Each must reach
 * upstream as exactly its own parameters, once, and never be answered from another's entry, neither by the read cache
 * nor by the whole-answer cache. Upstream echoes the query string it received in {@code Hit.source}, so an answer
 * shows which request it was fetched for.
 */
abstract class CachePoisoningAttacks {

    private static final String HITS = "query Hits($path: String, $referrer: String) { site(id: \"456\") {"
            + " hits(path: $path, referrer: $referrer) { nodes { path referrer source browserName } } } }";

    /** One crafted pair of arguments; null means the argument is absent. */
    record Crafted(String path, String referrer) {

        Map<String, Object> variables() {
            Map<String, Object> variables = new HashMap<>();
            if (path != null) {
                variables.put("path", path);
            }
            if (referrer != null) {
                variables.put("referrer", referrer);
            }
            return variables;
        }

        /** Exactly the parameters upstream must receive. */
        Map<String, List<String>> upstreamParameters() {
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            if (path != null) {
                parameters.put("path", List.of(path));
            }
            if (referrer != null) {
                parameters.put("referrer", List.of(referrer));
            }
            return parameters;
        }

        /** The same read with the values written into the document as GraphQL string literals. */
        String literalDocument() {
            List<String> arguments = new ArrayList<>();
            if (path != null) {
                arguments.add("path: " + literal(path));
            }
            if (referrer != null) {
                arguments.add("referrer: " + literal(referrer));
            }
            return "{ site(id: \"456\") { hits" + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")")
                    + " { nodes { path referrer source browserName } } } }";
        }

        @Override
        public String toString() {
            return "path=" + (path == null ? "(absent)" : "\"" + path + "\"") + ", referrer="
                    + (referrer == null ? "(absent)" : "\"" + referrer + "\"");
        }

        private static String literal(String value) {
            StringBuilder literal = new StringBuilder("\"");
            value.codePoints().forEach(c -> literal.append(c == '"' || c == '\\' ? "\\" + (char) c
                    : c < 0x20 ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
            return literal.append('"').toString();
        }
    }

    static List<Crafted> crafted() {
        return List.of(
                new Crafted("/a&referrer=x", null),
                new Crafted("/a", "x"),
                new Crafted("/a=b", null),
                new Crafted("/a%26referrer%3Dx", null),
                new Crafted("/a%2", null),
                new Crafted("/a+b", null),
                new Crafted("/a b", null),
                new Crafted("/a|b", "|"),
                new Crafted("/a", "x|y"),
                new Crafted("/ünï/€/😀", "ß"),
                new Crafted("/{id}", null),
                new Crafted("/a#b", null),
                new Crafted("/a?path=/b", null),
                new Crafted("", null),
                new Crafted(null, ""),
                new Crafted("/a", ""),
                new Crafted("/a", null),
                new Crafted(null, null));
    }

    @Test
    void everyCraftedValueReachesUpstreamAsItsOwnParametersAndAnswersOnlyItself() {
        Deployment gateway = Deployments.jwt();
        Attacker alice = gateway.forwarding(SuiteKeys.ALICE);
        alice.post("{ site(id: \"456\") { label } }"); // the site itself is not what is under attack
        gateway.upstream().forgetCalls();
        List<String> details = new ArrayList<>();
        Map<Crafted, String> fetchedFor = new LinkedHashMap<>();

        for (Crafted crafted : crafted()) {
            Answer answer = alice.post(HITS, crafted.variables());
            List<LoggedRequest> calls = gateway.upstream().calls();
            assertEquals(1, calls.size(), () -> crafted + ": upstream calls " + urls(calls) + " for " + answer);
            String rawQuery = HostileUpstream.rawQuery(calls.get(0));
            assertEquals(crafted.upstreamParameters(), HostileUpstream.decodedParameters(rawQuery),
                    () -> crafted + " reached upstream as ?" + rawQuery);
            assertEquals(rawQuery, answer.at("data.site.hits.nodes.0.source").asText(), () -> crafted + ": " + answer);
            assertEquals("alice", answer.at("data.site.hits.nodes.0.browserName").asText(), () -> crafted + ": " + answer);
            assertNull(answer.code(), () -> crafted + ": " + answer);
            fetchedFor.put(crafted, rawQuery);
            details.add(crafted + " → upstream `?" + rawQuery + "` (1 call)");
            gateway.upstream().forgetCalls();
        }
        assertEquals(crafted().size(), fetchedFor.values().stream().distinct().count(), "one upstream query per crafted read");

        for (Crafted crafted : crafted()) {
            Answer again = alice.post(HITS, crafted.variables());
            Answer literal = alice.post(crafted.literalDocument());
            assertEquals(fetchedFor.get(crafted), again.at("data.site.hits.nodes.0.source").asText(),
                    () -> crafted + " asked again was answered with another read's data: " + again);
            assertEquals(fetchedFor.get(crafted), literal.at("data.site.hits.nodes.0.source").asText(),
                    () -> crafted + " written as literals was answered with another read's data: " + literal);
        }
        assertEquals(List.of(), urls(gateway.upstream().calls()), "the same reads again must come from the caches");
        details.add("each asked again with the same variables (answer cache) and as literals (read cache): 0 upstream"
                + " calls, each answered with its own read");

        AttackReport.measured(Attack.CACHE_POISONING, crafted().size() + " crafted reads: " + crafted().size()
                + " upstream calls, each with exactly its own parameters; asked again (answer cache, then read cache):"
                + " 0 calls, 0 answers from another read", details);
    }

    static List<String> urls(List<LoggedRequest> calls) {
        return calls.stream().map(call -> call.getMethod() + " " + call.getUrl()).toList();
    }
}
