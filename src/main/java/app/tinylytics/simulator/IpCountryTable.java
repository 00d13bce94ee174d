package app.tinylytics.simulator;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stands in for Tinylytics' local IP database and IPinfo fallback: a handful of well-known addresses
 * map to a country, every other valid address and every invalid one resolves to {@code XX}.
 */
public final class IpCountryTable {

    public static final String UNKNOWN = "XX";

    private static final Map<String, String> COUNTRIES = Map.of(
            "8.8.8.8", "US",
            "8.8.4.4", "US",
            "1.1.1.1", "AU",
            "81.2.69.142", "GB",
            "193.0.6.139", "NL",
            "212.77.98.9", "PL",
            "85.214.132.117", "DE",
            "2001:4860:4860::8888", "US");

    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:]{2,39}$");

    private IpCountryTable() {
    }

    public static String countryOf(String ip) {
        if (ip == null || !(IPV4.matcher(ip).matches() || (ip.contains(":") && IPV6.matcher(ip).matches()))) {
            return UNKNOWN;
        }
        return COUNTRIES.getOrDefault(ip.toLowerCase(), UNKNOWN);
    }
}
