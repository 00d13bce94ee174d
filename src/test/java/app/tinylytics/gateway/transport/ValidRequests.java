package app.tinylytics.gateway.transport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Well-formed GraphQL requests that execute and call upstream (reads, writes, variables of every kind the schema
 * takes): the malformed-request suite breaks them one way at a time, so that anything it lets through would show.
 */
final class ValidRequests {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A document with the variables that make it run. */
    record Template(String name, String document, Map<String, Object> variables) {

        /** The request body: {@code {"query", "variables"}} (variables left out when there are none). */
        String json() {
            return json(variables);
        }

        /** The request body with these variables instead. */
        String json(Map<String, Object> otherVariables) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", document);
            if (!otherVariables.isEmpty()) {
                body.put("variables", otherVariables);
            }
            return write(body);
        }

        /** {@code /graphql?query=...&variables=...}. */
        String getTarget() {
            String target = RawRequest.PATH + "?query=" + encode(document);
            return variables.isEmpty() ? target : target + "&variables=" + encode(write(variables));
        }

        boolean isMutation() {
            return document.startsWith("mutation");
        }
    }

    static final Template ME = new Template("Me", "{ me { email } }", Map.of());
    static final Template SITE = new Template("Site", "query Site($id: ID!) { site(id: $id) { label } }",
            Map.of("id", "456"));
    static final Template GROUPS = new Template("Groups",
            "query Groups($groupBy: HitGroupBy!) { site(id: \"456\") { hitGroups(groupBy: $groupBy) { nodes { key count } } } }",
            Map.of("groupBy", "PATH"));
    static final Template KUDOS = new Template("Kudos",
            "query Kudos($perPage: Int) { site(id: \"456\") { kudos(perPage: $perPage) { nodes { path } } } }",
            Map.of("perPage", 5));
    static final Template RANGE = new Template("Range",
            "query Range($start: Date) { site(id: \"456\") { hitGroups(groupBy: PATH, start: $start) { nodes { key } } } }",
            Map.of("start", "2026-11-01"));
    static final Template GIVE_KUDO = new Template("GiveKudo",
            "mutation { giveKudo(siteId: \"456\", kudo: {path: \"/pricing\"}) { status } }", Map.of());
    static final Template KUDO = new Template("Kudo",
            "mutation Kudo($kudo: KudoInput!) { giveKudo(siteId: \"456\", kudo: $kudo) { status } }",
            Map.of("kudo", Map.of("path", "/pricing", "customUid", "pricing-1")));
    static final Template SIGNAL = new Template("Signal",
            "mutation Signal($signal: SignalInput!) { submitSignal(siteId: \"456\", signal: $signal) { id } }",
            Map.of("signal", Map.of("occurredAt", "2026-02-12T09:00:00Z", "title", "Newsletter #42", "category", "NEWSLETTER")));
    static final Template HITS = new Template("Hits",
            "mutation Hits($hits: [HitInput!]!) { trackHits(siteId: \"456\", hits: $hits) { createdCount } }",
            Map.of("hits", List.of(Map.of("path", "/a", "country", "PL"))));

    static final List<Template> ALL = List.of(ME, SITE, GROUPS, KUDOS, RANGE, GIVE_KUDO, KUDO, SIGNAL, HITS);
    static final List<Template> QUERIES = ALL.stream().filter(template -> !template.isMutation()).toList();
    static final List<Template> MUTATIONS = ALL.stream().filter(Template::isMutation).toList();

    private ValidRequests() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
