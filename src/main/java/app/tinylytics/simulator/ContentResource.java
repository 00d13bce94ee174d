package app.tinylytics.simulator;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.properties.IfBuildProperty;

/** {@code GET /sites/:id/content}: the seeded content-monitoring state, or 403 when the site has it disabled. */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Path("/simulator/api/v1/sites/{id}/content")
@Produces(MediaType.APPLICATION_JSON)
public class ContentResource {

    private final SimulatorGate gate;

    ContentResource(SimulatorGate gate) {
        this.gate = gate;
    }

    @GET
    public Map<String, Object> content(@BeanParam SiteParams site) {
        SiteData data = gate.premiumSite(site);
        ContentMonitorRow monitor = data.contentMonitor().orElseThrow(() -> SimulatorException.withBody(403,
                Json.object("error", "Content monitoring is not enabled for this site", "content_monitoring_enabled", false)));
        List<ContentIssueRow> links = monitor.links();
        List<ContentIssueRow> broken = active(links, "broken_link");
        List<ContentIssueRow> mixed = active(links, "mixed_content");
        List<ContentIssueRow> ignored = links.stream().filter(ContentIssueRow::ignored).toList();
        List<ContentIssueRow> ok = links.stream().filter(l -> l.issueType() == null).toList();
        return Json.object(
                "site", SiteViews.brief(data.site()),
                "monitoring_status", Json.object(
                        "enabled", true,
                        "root_path", monitor.rootPath(),
                        "last_check_at", Json.time(monitor.lastCheckAt()),
                        "is_initial_check", false,
                        "is_rechecking", false,
                        "has_issues", !broken.isEmpty() || !mixed.isEmpty(),
                        "emails_paused", false,
                        "emails_paused_until", null),
                "issues", Json.object(
                        "broken_links", broken.stream().map(ContentIssueRow::toJson).toList(),
                        "mixed_content", mixed.stream().map(ContentIssueRow::toJson).toList()),
                "ignored_issues", ignored.stream().map(ContentIssueRow::toJson).toList(),
                "ok_links", ok.stream().map(ContentIssueRow::toJson).toList(),
                "stats", Json.object(
                        "total_checked", links.size(),
                        "broken_links_count", broken.size(),
                        "mixed_content_count", mixed.size(),
                        "ignored_count", ignored.size(),
                        "ok_count", ok.size()));
    }

    private static List<ContentIssueRow> active(List<ContentIssueRow> links, String type) {
        return links.stream().filter(l -> type.equals(l.issueType()) && !l.ignored()).toList();
    }
}
