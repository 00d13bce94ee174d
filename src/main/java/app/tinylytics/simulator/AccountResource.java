package app.tinylytics.simulator;

import java.util.Map;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.properties.IfBuildProperty;

/** {@code GET /me}, {@code GET /sites} and {@code GET /sites/:id} of the simulated API. */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Path("/simulator/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final SimulatorGate gate;
    private final SimulatorStore store;

    AccountResource(SimulatorGate gate, SimulatorStore store) {
        this.gate = gate;
        this.store = store;
    }

    @GET
    @Path("/me")
    public Map<String, Object> me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        KeyHolder caller = gate.read(authorization);
        AccountRow account = caller.account();
        return Json.object(
                "id", account.id(),
                "email", account.email(),
                "is_subscribed", account.subscribed(),
                "created_at", Json.time(account.createdAt()),
                "api_key", Json.object(
                        "name", caller.key().name(),
                        "access_type", caller.key().accessType(),
                        "last_used_at", Json.time(store.keyLastUsed(caller.secret()).orElse(null))));
    }

    @GET
    @Path("/sites")
    public Map<String, Object> sites(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        KeyHolder caller = gate.read(authorization);
        return Json.object("sites", DemoAccounts.sitesOf(caller.account().id()).stream()
                .map(site -> store.site(site.id()).orElseThrow())
                .map(SiteViews::full)
                .toList());
    }

    @GET
    @Path("/sites/{id}")
    public Map<String, Object> site(@BeanParam SiteParams site) {
        return SiteViews.full(gate.readSite(site));
    }
}
