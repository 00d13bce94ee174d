package app.tinylytics.gateway.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The mutable state of one site. Every method locks the instance, and readers get copies, so concurrent
 * requests never see a half-applied write.
 */
public final class SiteData {

    private final Site site;
    private final List<Hit> hits = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Kudo> kudos = new ArrayList<>();
    private final List<Signal> signals = new ArrayList<>();
    private final List<InsightReport> insights = new ArrayList<>();
    private UptimeMonitor uptimeMonitor;
    private ContentMonitor contentMonitor;
    private LeaderboardSnapshot leaderboard;

    public SiteData(Site site) {
        this.site = site;
    }

    public Site site() {
        return site;
    }

    /** The account the site belongs to (whose time zone {@code time_zone=user} means). */
    public Account owner() {
        return DemoAccounts.account(site.accountId()).orElseThrow();
    }

    /** The stored signal after an upsert, and whether it was newly created. */
    public record Upserted(Signal signal, boolean created) {
    }

    public synchronized List<Hit> hits() {
        return List.copyOf(hits);
    }

    public synchronized void addHit(Hit hit) {
        hits.add(hit);
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized void addEvent(Event event) {
        events.add(event);
    }

    public synchronized List<Kudo> kudos() {
        return List.copyOf(kudos);
    }

    /** Adds the kudo unless its uid is taken; false when it is. */
    public synchronized boolean addKudo(Kudo kudo) {
        if (kudos.stream().anyMatch(k -> k.uid().equals(kudo.uid()))) {
            return false;
        }
        kudos.add(kudo);
        return true;
    }

    public synchronized boolean deleteKudo(String uid) {
        return kudos.removeIf(k -> k.uid().equals(uid));
    }

    public synchronized List<Signal> signals() {
        return List.copyOf(signals);
    }

    /**
     * Inserts the signal, or replaces the one with the same external id; {@code build} receives the
     * existing signal (if any) so an update keeps its id and creation time.
     */
    public synchronized Upserted upsertSignal(String externalId, Function<Optional<Signal>, Signal> build) {
        Optional<Signal> existing = externalId == null ? Optional.empty()
                : signals.stream().filter(s -> externalId.equals(s.externalId())).findFirst();
        Signal signal = build.apply(existing);
        existing.ifPresentOrElse(old -> signals.set(signals.indexOf(old), signal), () -> signals.add(signal));
        return new Upserted(signal, existing.isEmpty());
    }

    public synchronized List<InsightReport> insights() {
        return List.copyOf(insights);
    }

    public synchronized void addInsight(InsightReport report) {
        insights.add(report);
    }

    public synchronized Optional<UptimeMonitor> uptimeMonitor() {
        return Optional.ofNullable(uptimeMonitor);
    }

    public synchronized void uptimeMonitor(UptimeMonitor monitor) {
        this.uptimeMonitor = monitor;
    }

    public synchronized Optional<ContentMonitor> contentMonitor() {
        return Optional.ofNullable(contentMonitor);
    }

    public synchronized void contentMonitor(ContentMonitor monitor) {
        this.contentMonitor = monitor;
    }

    public synchronized Optional<LeaderboardSnapshot> leaderboard() {
        return Optional.ofNullable(leaderboard);
    }

    public synchronized void leaderboard(LeaderboardSnapshot snapshot) {
        this.leaderboard = snapshot;
    }
}
