package app.tinylytics.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * {@code GET|POST /sites/:id/signals}: owner context signals, premium and only for sites with insights
 * enabled; {@code external_id} makes a POST idempotent per site (reuse updates the signal).
 */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Path("/simulator/api/v1/sites/{id}/signals")
@Produces(MediaType.APPLICATION_JSON)
public class SignalsResource {

    static final int MAX_PER_PAGE = 100;
    static final List<String> CATEGORIES = List.of("newsletter", "social", "launch", "maintenance", "content", "podcast", "other");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SimulatorGate gate;
    private final SimulatorStore store;
    private final Clock clock;

    SignalsResource(SimulatorGate gate, SimulatorStore store, Clock clock) {
        this.gate = gate;
        this.store = store;
        this.clock = clock;
    }

    @GET
    public Map<String, Object> signals(@BeanParam SiteParams site, @BeanParam PeriodParams period, @BeanParam PageParams page,
            @QueryParam("category") String category) {
        SiteData data = requireInsights(gate.premiumSite(site));
        ReportPeriod range = period.resolve(data.owner(), clock);
        String categoryFilter = Params.presence(category);
        if (categoryFilter != null && !CATEGORIES.contains(categoryFilter)) {
            throw SimulatorException.badRequest("Invalid category: must be one of " + String.join(", ", CATEGORIES));
        }
        Paging paging = page.paging(MAX_PER_PAGE);
        List<SignalRow> signals = data.signals().stream()
                .filter(s -> range.contains(s.occurredAt()))
                .filter(s -> categoryFilter == null || categoryFilter.equals(s.category()))
                .sorted(Comparator.comparing(SignalRow::occurredAt).thenComparing(SignalRow::id).reversed())
                .toList();
        return Json.object(
                "signals", paging.slice(signals).stream().map(SignalRow::toJson).toList(),
                "pagination", paging.toJson(signals.size()),
                "filters", range.filters("category", categoryFilter));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response submit(@BeanParam SiteParams site, String body) {
        SiteData data = requireInsights(gate.premiumWriteSite(site));
        JsonNode signal = WriteBodies.object(body).get("signal");
        if (!(signal instanceof ObjectNode fields)) {
            throw SimulatorException.unprocessable("Signal must be a JSON object under the \"signal\" key");
        }
        List<String> errors = new ArrayList<>();
        Instant occurredAt = occurredAt(WriteBodies.text(fields, "occurred_at"), errors);
        String title = Params.presence(WriteBodies.text(fields, "title"));
        if (title == null) {
            errors.add("Title can't be blank");
        } else if (title.length() > 200) {
            errors.add("Title is too long (maximum is 200 characters)");
        }
        String description = WriteBodies.text(fields, "description");
        if (description != null && description.length() > 5000) {
            errors.add("Description is too long (maximum is 5000 characters)");
        }
        String category = Params.presence(WriteBodies.text(fields, "category"));
        if (category != null && !CATEGORIES.contains(category)) {
            errors.add("Category is not included in the list");
        }
        JsonNode metadataNode = fields.get("metadata");
        Map<String, Object> metadata = Map.of();
        if (metadataNode != null && !metadataNode.isNull()) {
            if (metadataNode.isObject()) {
                metadata = MAPPER.convertValue(metadataNode, new TypeReference<>() {
                });
            } else {
                errors.add("Metadata must be a JSON object");
            }
        }
        if (!errors.isEmpty()) {
            throw SimulatorException.unprocessable(errors.toArray(String[]::new));
        }
        String externalId = Params.presence(WriteBodies.text(fields, "external_id"));
        Map<String, Object> finalMetadata = metadata;
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SiteData.Upserted upserted = data.upsertSignal(externalId, existing -> new SignalRow(
                existing.map(SignalRow::id).orElseGet(store::nextId), data.site().id(), occurredAt, title, description, category,
                finalMetadata, externalId, existing.map(SignalRow::createdAt).orElse(now)));
        return Response.status(upserted.created() ? 201 : 200)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.object("status", upserted.created() ? "created" : "updated", "signal", upserted.signal().toJson()))
                .build();
    }

    private static SiteData requireInsights(SiteData data) {
        if (!data.site().insightsEnabled()) {
            throw SimulatorException.of(403, "Insights are not enabled for this site");
        }
        return data;
    }

    private static Instant occurredAt(String value, List<String> errors) {
        if (value == null || value.isBlank()) {
            errors.add("Occurred at can't be blank");
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            errors.add("Occurred at must be a valid ISO8601 datetime");
            return null;
        }
    }
}
