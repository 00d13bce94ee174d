package app.tinylytics.simulator;

/**
 * A deliberately tiny user-agent parser: enough to derive {@code browser_name}, {@code platform_name}
 * and {@code is_mobile} for the common browsers the demo data and tests use.
 */
public final class UserAgentParser {

    /** What a user agent says about the browser; all null/false for a missing or unknown agent. */
    public record Parsed(String browserName, String platformName, boolean mobile) {
    }

    private UserAgentParser() {
    }

    public static Parsed parse(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Parsed(null, null, false);
        }
        String ua = userAgent.toLowerCase();
        return new Parsed(browser(ua), platform(ua), ua.contains("mobile") || ua.contains("iphone") || ua.contains("android"));
    }

    // Order matters: Edge and Chrome both say "safari", Edge also says "chrome".
    private static String browser(String ua) {
        if (ua.contains("edg/")) {
            return "Edge";
        }
        if (ua.contains("firefox/")) {
            return "Firefox";
        }
        if (ua.contains("opr/")) {
            return "Opera";
        }
        if (ua.contains("chrome/") || ua.contains("crios/")) {
            return "Chrome";
        }
        if (ua.contains("safari/")) {
            return "Safari";
        }
        if (ua.contains("curl/")) {
            return "curl";
        }
        return null;
    }

    private static String platform(String ua) {
        if (ua.contains("iphone") || ua.contains("ipad")) {
            return "iOS";
        }
        if (ua.contains("android")) {
            return "Android";
        }
        if (ua.contains("mac os x") || ua.contains("macintosh")) {
            return "macOS";
        }
        if (ua.contains("windows")) {
            return "Windows";
        }
        if (ua.contains("linux")) {
            return "Linux";
        }
        return null;
    }
}
