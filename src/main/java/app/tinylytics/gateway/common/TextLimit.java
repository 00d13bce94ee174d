package app.tinylytics.gateway.common;

/**
 * The longest text the gateway sends upstream per kind of value, checked before any call: upstream documents only
 * the signal limits; the rest follow common practice for URLs (2,048 characters, what browsers and CDNs reliably
 * carry), user agents and identifiers, so a 20,000-character argument never reaches upstream as an HTTP 414.
 */
public enum TextLimit {
    PATH(2048),
    URL(2048),
    REFERRER(2048),
    USER_AGENT(1024),
    /** An IPv6 address with an embedded IPv4 part is at most 45 characters. */
    IP_ADDRESS(45),
    IDENTIFIER(256),
    EVENT_VALUE(1024),
    /** Upstream's documented limit for a signal title. */
    SIGNAL_TITLE(200),
    /** Upstream's documented limit for a signal description. */
    SIGNAL_DESCRIPTION(5000),
    /** A signal's metadata object, as JSON text. */
    METADATA(16384);

    private final int maxLength;

    TextLimit(int maxLength) {
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }
}
