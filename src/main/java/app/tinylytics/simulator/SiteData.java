package app.tinylytics.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The mutable state of one site. Every method locks the instance, and readers get copies, so concurrent
 * requests never see a half-applied write.
 */
public final class SiteData {

    private final SiteRow site;
    private final List<HitRow> hits = new ArrayList<>();
    private final List<EventRow> events = new ArrayList<>();
    private final List<KudoRow> kudos = new ArrayList<>();
    private final List<SignalRow> signals = new ArrayList<>();
    private final List<InsightReportRow> insights = new ArrayList<>();
    private UptimeMonitorRow uptimeMonitor;
    private ContentMonitorRow contentMonitor;
    private LeaderboardSnapshot leaderboard;

    public SiteData(SiteRow site) {
        this.site = site;
    }

    public SiteRow site() {
        return site;
    }

    /** The account the site belongs to (whose time zone {@code time_zone=user} means). */
    public AccountRow owner() {
        return DemoAccounts.account(site.accountId()).orElseThrow();
    }

    /** The stored signal after an upsert, and whether it was newly created. */
    public record Upserted(SignalRow signal, boolean created) {
    }

    public synchronized List<HitRow> hits() {
        return List.copyOf(hits);
    }

    public synchronized void addHit(HitRow hit) {
        hits.add(hit);
    }

    public synchronized List<EventRow> events() {
        return List.copyOf(events);
    }

    public synchronized void addEvent(EventRow event) {
        events.add(event);
    }

    public synchronized List<KudoRow> kudos() {
        return List.copyOf(kudos);
    }

    /** Adds the kudo unless its uid is taken; false when it is. */
    public synchronized boolean addKudo(KudoRow kudo) {
        if (kudos.stream().anyMatch(k -> k.uid().equals(kudo.uid()))) {
            return false;
        }
        kudos.add(kudo);
        return true;
    }

    public synchronized boolean deleteKudo(String uid) {
        return kudos.removeIf(k -> k.uid().equals(uid));
    }

    public synchronized List<SignalRow> signals() {
        return List.copyOf(signals);
    }

    /**
     * Inserts the signal, or replaces the one with the same external id; {@code build} receives the
     * existing signal (if any) so an update keeps its id and creation time.
     */
    public synchronized Upserted upsertSignal(String externalId, Function<Optional<SignalRow>, SignalRow> build) {
        Optional<SignalRow> existing = externalId == null ? Optional.empty()
                : signals.stream().filter(s -> externalId.equals(s.externalId())).findFirst();
        SignalRow signal = build.apply(existing);
        existing.ifPresentOrElse(old -> signals.set(signals.indexOf(old), signal), () -> signals.add(signal));
        return new Upserted(signal, existing.isEmpty());
    }

    public synchronized List<InsightReportRow> insights() {
        return List.copyOf(insights);
    }

    public synchronized void addInsight(InsightReportRow report) {
        insights.add(report);
    }

    public synchronized Optional<UptimeMonitorRow> uptimeMonitor() {
        return Optional.ofNullable(uptimeMonitor);
    }

    public synchronized void uptimeMonitor(UptimeMonitorRow monitor) {
        this.uptimeMonitor = monitor;
    }

    public synchronized Optional<ContentMonitorRow> contentMonitor() {
        return Optional.ofNullable(contentMonitor);
    }

    public synchronized void contentMonitor(ContentMonitorRow monitor) {
        this.contentMonitor = monitor;
    }

    public synchronized Optional<LeaderboardSnapshot> leaderboard() {
        return Optional.ofNullable(leaderboard);
    }

    public synchronized void leaderboard(LeaderboardSnapshot snapshot) {
        this.leaderboard = snapshot;
    }
}
