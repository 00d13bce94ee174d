package app.tinylytics.gateway.security.hostile;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.tinylytics.gateway.transport.RawHttp;
import app.tinylytics.gateway.transport.RawRequest;
import app.tinylytics.gateway.transport.RawResponse;

/**
 * A caller of one packaged gateway that sends GraphQL over HTTP/1.1 written by hand (transport/RawHttp), so it can send
 * what no client library would: repeated or malformed {@code Authorization} headers, spoofed {@code X-Forwarded-For},
 * any body and media type, from any loopback address. Immutable: each {@code with…} is another caller.
 */
final class Attacker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PackagedGateway gateway;
    private final InetAddress from;
    private final List<Map.Entry<String, byte[]>> headers;

    private Attacker(PackagedGateway gateway, InetAddress from, List<Map.Entry<String, byte[]>> headers) {
        this.gateway = gateway;
        this.from = from;
        this.headers = List.copyOf(headers);
    }

    /** A caller with no credentials, connecting from 127.0.0.1. */
    static Attacker of(PackagedGateway gateway) {
        return new Attacker(gateway, null, List.of());
    }

    /** The same caller connecting from another loopback address (Linux routes all of 127/8 to loopback). */
    Attacker from(String loopbackAddress) {
        try {
            return new Attacker(gateway, InetAddress.getByName(loopbackAddress), headers);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(loopbackAddress, e);
        }
    }

    /** The same caller sending one more header line (a repeated name sends the header twice). */
    Attacker with(String name, String value) {
        return with(name, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The same caller sending one more header line whose value is exactly these bytes. */
    Attacker with(String name, byte[] value) {
        List<Map.Entry<String, byte[]>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new Attacker(gateway, from, more);
    }

    /** The same caller with {@code Authorization: Bearer <credential>}. */
    Attacker bearer(String credential) {
        return with("Authorization", "Bearer " + credential);
    }

    /** {@code POST /graphql} of {@code query} as JSON. */
    Answer post(String query) {
        return post(query, Map.of());
    }

    Answer post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (!variables.isEmpty()) {
            body.put("variables", variables);
        }
        try {
            return send(RawRequest.postJson(JSON.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /graphql?query=…}. */
    Answer get(String query) {
        return send(RawRequest.get("/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
    }

    /** Sends {@code request} with this caller's headers, asking for {@code application/graphql-response+json}. */
    Answer send(RawRequest request) {
        return Answer.of(exchange(request));
    }

    /** The same, with the response's headers. */
    RawResponse exchange(RawRequest request) {
        request.header("Accept", "application/graphql-response+json");
        headers.forEach(header -> request.header(header.getKey(), header.getValue()));
        RawHttp http = RawHttp.to(gateway.host(), gateway.port());
        return (from == null ? http : http.from(from)).send(request);
    }
}
