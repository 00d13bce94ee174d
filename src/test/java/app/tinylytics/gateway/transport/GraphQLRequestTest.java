package app.tinylytics.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import jakarta.json.JsonObject;

/** A request read from its JSON body and handed to SmallRye as JSON-P. */
class GraphQLRequestTest {

    @Test
    void variablesReachSmallRyeAsTheyWereSent() {
        GraphQLRequest request = GraphQLRequest.fromJson("""
                {"query": "query($a: Int, $b: [String], $c: JSON) { me { email } }", "operationName": null,
                 "variables": {"a": 12345678901234567890, "b": ["x", null], "c": {"d": 1.5, "e": true}}}"""
                .getBytes(StandardCharsets.UTF_8));

        JsonObject variables = request.toJsonP().getJsonObject("variables");

        assertEquals("12345678901234567890", variables.getJsonNumber("a").bigIntegerValue().toString());
        assertEquals("[\"x\",null]", variables.getJsonArray("b").toString());
        assertEquals("{\"d\":1.5,\"e\":true}", variables.getJsonObject("c").toString());
    }

    /**
     * The hostile-caller suite found a body of a few hundred thousand variable values holding a thread for seconds:
     * {@code Json.createValue} looks the JSON-P provider up (a ServiceLoader scan of the class path) on every call.
     * Counted, not timed: the conversion asks the class loader for providers at most once, however many values.
     */
    @Test
    void convertingManyVariableValuesDoesNotLookTheJsonProviderUpPerValue() throws Exception {
        String values = String.join(",", Collections.nCopies(20_000, "1"));
        GraphQLRequest request = GraphQLRequest.fromJson(("{\"query\": \"{ me { email } }\", \"variables\": {\"x\": [" + values
                + "], \"y\": {\"z\": \"text\"}}}").getBytes(StandardCharsets.UTF_8));
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        ProviderLookups lookups = new ProviderLookups(original);
        JsonObject converted;
        thread.setContextClassLoader(lookups);
        try {
            converted = request.toJsonP();
        } finally {
            thread.setContextClassLoader(original);
        }

        assertEquals(20_000, converted.getJsonObject("variables").getJsonArray("x").size());
        assertEquals("text", converted.getJsonObject("variables").getJsonObject("y").getString("z"));
        assertTrue(lookups.count.get() <= 1, lookups.count.get() + " provider lookups for 20,000 values");
    }

    /** A class loader that counts how often a JSON-P provider is looked up through it. */
    private static final class ProviderLookups extends ClassLoader {

        final AtomicInteger count = new AtomicInteger();

        ProviderLookups(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (name.contains("jakarta.json.spi.JsonProvider")) {
                count.incrementAndGet();
            }
            return super.getResources(name);
        }
    }
}
