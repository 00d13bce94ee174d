package app.tinylytics.simulator;

import java.util.List;
import java.util.stream.Stream;

/**
 * A deliberately tiny user-agent parser: enough to derive {@code browser_name}, {@code platform_name}
 * and {@code is_mobile} for the common browsers the demo data and tests use.
 */
public final class UserAgentParser {

    // Order matters: Edge and Chrome both say "safari", Edge also says "chrome".
    private static final List<Rule> BROWSERS = List.of(
            new Rule("Edge", "edg/"),
            new Rule("Firefox", "firefox/"),
            new Rule("Opera", "opr/"),
            new Rule("Chrome", "chrome/", "crios/"),
            new Rule("Safari", "safari/"),
            new Rule("curl", "curl/"));

    // Order matters too: iOS agents also say "mac os x", Android ones "linux".
    private static final List<Rule> PLATFORMS = List.of(
            new Rule("iOS", "iphone", "ipad"),
            new Rule("Android", "android"),
            new Rule("macOS", "mac os x", "macintosh"),
            new Rule("Windows", "windows"),
            new Rule("Linux", "linux"));

    /** What a user agent says about the browser; all null/false for a missing or unknown agent. */
    public record Parsed(String browserName, String platformName, boolean mobile) {
    }

    /** A name and the (lower-case) markers that give it away. */
    private record Rule(String name, String... markers) {

        /** The name of the first rule with a marker in {@code ua}; null when none has. */
        static String firstMatch(String ua, List<Rule> rules) {
            return rules.stream()
                    .filter(rule -> Stream.of(rule.markers()).anyMatch(ua::contains))
                    .map(Rule::name)
                    .findFirst()
                    .orElse(null);
        }
    }

    private UserAgentParser() {
    }

    public static Parsed parse(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Parsed(null, null, false);
        }
        String ua = userAgent.toLowerCase();
        boolean mobile = ua.contains("mobile") || ua.contains("iphone") || ua.contains("android");
        return new Parsed(Rule.firstMatch(ua, BROWSERS), Rule.firstMatch(ua, PLATFORMS), mobile);
    }
}
