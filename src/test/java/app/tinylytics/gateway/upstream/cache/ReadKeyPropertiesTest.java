package app.tinylytics.gateway.upstream.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import app.tinylytics.gateway.upstream.Endpoint;

/**
 * Cache keys are built structurally: whatever the values contain (the separators {@code &}, {@code =}, {@code |},
 * percent signs, unicode, empty strings) two different reads never share a key, and equal reads always do.
 */
class ReadKeyPropertiesTest {

    @Example
    void aValueContainingSeparatorsCannotPoseAsAnotherParameter() {
        ReadKey planted = key("id", Map.of("path", "/a&referrer=x"));
        ReadKey honest = key("id", Map.of("path", "/a", "referrer", "x"));

        assertNotEquals(honest.encoded(), planted.encoded());
    }

    @Example
    void anEmptyValueIsNotAnAbsentOne() {
        assertNotEquals(key("id", Map.of()).encoded(), key("id", Map.of("path", "")).encoded());
    }

    @Property(tries = 2000)
    void differentParametersNeverShareAKey(@ForAll("params") Map<String, String> one, @ForAll("params") Map<String, String> other) {
        Assume.that(!one.equals(other));

        assertNotEquals(key("id", one).encoded(), key("id", other).encoded());
    }

    @Property(tries = 500)
    void equalParametersAlwaysShareAKeyWhateverTheirOrder(@ForAll("params") Map<String, String> params) {
        assertEquals(key("id", new TreeMap<>(params)).encoded(), key("id", Map.copyOf(params)).encoded());
    }

    @Property(tries = 500)
    void differentKeyIdentitiesNeverShareAKey(@ForAll("params") Map<String, String> params,
            @ForAll("identities") String one, @ForAll("identities") String other) {
        Assume.that(!one.equals(other));

        assertNotEquals(key(one, params).encoded(), key(other, params).encoded());
    }

    @Provide
    Arbitrary<Map<String, String>> params() {
        Arbitrary<String> names = Arbitraries.of("path", "referrer", "country", "uid", "page", "per_page", "p&q", "a=b");
        Arbitrary<String> values = Arbitraries.strings().withChars("&=%|+ /aAz0ü日\u0000").ofMinLength(0).ofMaxLength(8);
        return Arbitraries.maps(names, values).ofMinSize(0).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> identities() {
        return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    }

    private static ReadKey key(String identity, Map<String, String> params) {
        return new ReadKey(identity, Endpoint.HITS, 456, new TreeMap<>(params));
    }
}
