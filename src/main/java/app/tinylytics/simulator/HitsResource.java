package app.tinylytics.simulator;

import java.time.Clock;
import java.util.Map;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * {@code GET /sites/:id/hits} of the simulated API, and the hit writes {@code POST /sites/:id/hits} and
 * {@code POST /sites/:id/hits/batch} that {@link TrackingResource} serves with {@link Tracker#trackHit}.
 */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Path("/simulator/api/v1/sites/{id}/hits")
@Produces(MediaType.APPLICATION_JSON)
public class HitsResource extends TrackingResource {

    private final Clock clock;

    HitsResource(SimulatorGate gate, Tracker tracker, Clock clock) {
        super(gate, tracker::trackHit);
        this.clock = clock;
    }

    @GET
    public Map<String, Object> hits(@BeanParam SiteParams site, @BeanParam PeriodParams period, @BeanParam PageParams page,
            @QueryParam("country") String country, @QueryParam("path") String path, @QueryParam("referrer") String referrer,
            @QueryParam("grouped") String grouped, @QueryParam("group_by") String groupBy) {
        SiteData data = gate.readSite(site);
        boolean isGrouped = "true".equalsIgnoreCase(grouped) || "1".equals(grouped);
        ReportPeriod range = period.resolve(data.owner(), clock);
        HitsReport.Query query = new HitsReport.Query(range, Params.presence(country), Params.presence(path), Params.presence(referrer),
                isGrouped, isGrouped ? HitsReport.groupBy(true, groupBy) : null, page.paging(HitsReport.MAX_PER_PAGE));
        return HitsReport.answer(data, query);
    }
}
