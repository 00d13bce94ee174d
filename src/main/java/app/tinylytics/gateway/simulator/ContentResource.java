package app.tinylytics.gateway.simulator;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /sites/:id/content}: the seeded content-monitoring state, or 403 when the site has it disabled. */
@Path("/simulator/api/v1/sites/{id}/content")
@Produces(MediaType.APPLICATION_JSON)
public class ContentResource {

    private final SimulatorGate gate;

    ContentResource(SimulatorGate gate) {
        this.gate = gate;
    }

    @GET
    public Map<String, Object> content(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        SiteData data = gate.premiumSite(authorization, id);
        ContentMonitor monitor = data.contentMonitor().orElseThrow(() -> SimulatorException.withBody(403,
                Json.object("error", "Content monitoring is not enabled for this site", "content_monitoring_enabled", false)));
        List<ContentIssue> links = monitor.links();
        List<ContentIssue> broken = active(links, "broken_link");
        List<ContentIssue> mixed = active(links, "mixed_content");
        List<ContentIssue> ignored = links.stream().filter(ContentIssue::ignored).toList();
        List<ContentIssue> ok = links.stream().filter(l -> l.issueType() == null).toList();
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
                        "broken_links", broken.stream().map(ContentIssue::toJson).toList(),
                        "mixed_content", mixed.stream().map(ContentIssue::toJson).toList()),
                "ignored_issues", ignored.stream().map(ContentIssue::toJson).toList(),
                "ok_links", ok.stream().map(ContentIssue::toJson).toList(),
                "stats", Json.object(
                        "total_checked", links.size(),
                        "broken_links_count", broken.size(),
                        "mixed_content_count", mixed.size(),
                        "ignored_count", ignored.size(),
                        "ok_count", ok.size()));
    }

    private static List<ContentIssue> active(List<ContentIssue> links, String type) {
        return links.stream().filter(l -> type.equals(l.issueType()) && !l.ignored()).toList();
    }
}
