package app.tinylytics.simulator;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Validates and stores tracked hits, events and kudos with the reference's payload rules: path
 * normalisation, country format and resolution, {@code category.action} event names, and the simulator's
 * ignore rules.
 */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Singleton
public class Tracker {

    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    private static final Pattern EVENT_NAME = Pattern.compile("^[^.\\s]+(\\.[^.\\s]+)+$");
    // Simulator choice for the site-configurable ignore rules: admin areas are never tracked...
    private static final List<String> IGNORED_PATH_PREFIXES = List.of("/admin", "/wp-admin");
    // ...and events in the "test" category are dropped, like a site owner's filter for QA traffic.
    private static final String IGNORED_EVENT_CATEGORY = "test";

    private final SimulatorStore store;
    private final Clock clock;

    Tracker(SimulatorStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public WriteOutcome trackHit(SiteData data, JsonNode row) {
        if (!row.isObject()) {
            return WriteOutcome.invalid(List.of("Row must be a JSON object"));
        }
        SiteRow site = data.site();
        List<String> errors = new ArrayList<>();
        String path = normalisePath(WriteBodies.text(row, "path"));
        if (path == null) {
            errors.add("Path can't be blank");
        }
        String country = WriteBodies.text(row, "country");
        validateCountry(country, errors);
        if (!errors.isEmpty()) {
            return WriteOutcome.invalid(errors);
        }
        if (isIgnoredPath(path)) {
            return WriteOutcome.ignored("Path matches ignore rule");
        }
        UserAgentParser.Parsed agent = UserAgentParser.parse(WriteBodies.text(row, "user_agent"));
        HitRow hit = new HitRow(store.nextId(), site.id(), visit(site, row, path, country), agent.browserName(),
                agent.platformName(), agent.mobile());
        data.addHit(hit);
        return WriteOutcome.created("hit", hit.toCreatedJson());
    }

    public WriteOutcome trackEvent(SiteData data, JsonNode row) {
        if (!row.isObject()) {
            return WriteOutcome.invalid(List.of("Row must be a JSON object"));
        }
        SiteRow site = data.site();
        List<String> errors = new ArrayList<>();
        String name = Params.presence(WriteBodies.text(row, "event"));
        if (name == null) {
            errors.add("Event can't be blank");
        } else if (!EVENT_NAME.matcher(name).matches()) {
            errors.add("Event must be 'category.action' format (2+ dot-separated segments)");
        }
        String country = WriteBodies.text(row, "country");
        validateCountry(country, errors);
        if (!errors.isEmpty()) {
            return WriteOutcome.invalid(errors);
        }
        if (name.substring(0, name.indexOf('.')).equalsIgnoreCase(IGNORED_EVENT_CATEGORY)) {
            return WriteOutcome.ignored("Event matched ignore rules");
        }
        Visit visit = visit(site, row, normalisePath(WriteBodies.text(row, "path")), country);
        EventRow event = new EventRow(store.nextId(), site.id(), name, WriteBodies.text(row, "value"), visit);
        data.addEvent(event);
        return WriteOutcome.created("event", event.toJson());
    }

    public WriteOutcome giveKudo(SiteData data, JsonNode body) {
        String path = normalisePath(WriteBodies.text(body, "path"));
        if (path == null) {
            return WriteOutcome.invalid(List.of("Path can't be blank"));
        }
        if (isIgnoredPath(path)) {
            return WriteOutcome.ignored("Path matches ignore rule");
        }
        String uid = Params.presence(WriteBodies.text(body, "custom_uid"));
        KudoRow kudo = new KudoRow(store.nextId(), data.site().id(), uid == null ? generatedUid() : uid, path, now());
        if (!data.addKudo(kudo)) {
            return WriteOutcome.invalid(List.of("Uid has already been taken"));
        }
        return WriteOutcome.created("kudo", kudo.toJson());
    }

    /**
     * What a hit or event row says about where and by whom it was tracked: an absent url is the site's url plus the
     * path, the country is resolved from the IP when not given, and the hashes come from the visitor's identity.
     */
    private Visit visit(SiteRow site, JsonNode row, String path, String country) {
        Instant now = now();
        String ip = WriteBodies.text(row, "ip_address");
        String url = orDefault(WriteBodies.text(row, "url"), path == null ? null : site.url() + path);
        String identity = VisitorHashes.identity(WriteBodies.text(row, "visitor_id"), ip, WriteBodies.text(row, "user_agent"));
        return new Visit(url, path, Params.presence(WriteBodies.text(row, "referrer")), resolveCountry(country, ip),
                source(WriteBodies.text(row, "source"), url),
                VisitorHashes.uniqueHash(site.id(), identity, LocalDate.ofInstant(now, ZoneOffset.UTC)),
                VisitorHashes.visitorHash(site.id(), identity), now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static void validateCountry(String country, List<String> errors) {
        if (country != null && !COUNTRY.matcher(country).matches()) {
            errors.add("Country must be a 2-letter uppercase code (e.g. US, PL, XX)");
        }
    }

    /** Provided country first, then the (tiny) local IP table; unknown or invalid IPs end as XX. */
    private static String resolveCountry(String country, String ip) {
        return country != null ? country : IpCountryTable.countryOf(ip);
    }

    static String normalisePath(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String trimmed = path.strip();
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    private static boolean isIgnoredPath(String path) {
        String lower = path.toLowerCase();
        return IGNORED_PATH_PREFIXES.stream().anyMatch(p -> lower.equals(p) || lower.startsWith(p + "/"));
    }

    /** An explicit source wins; otherwise Tinylytics reads {@code utm_source} or {@code ref} from the URL. */
    private static String source(String explicit, String url) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        if (url == null) {
            return null;
        }
        try {
            String query = URI.create(url).getRawQuery();
            if (query == null) {
                return null;
            }
            String ref = null;
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                String value = parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
                if (parts[0].equals("utm_source") && !value.isBlank()) {
                    return value;
                }
                if (parts[0].equals("ref") && !value.isBlank()) {
                    ref = value;
                }
            }
            return ref;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String generatedUid() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
