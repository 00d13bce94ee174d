package app.tinylytics.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The result of one attempted hit, event or kudo write: created (with its JSON), ignored (with a reason) or invalid. */
public record WriteOutcome(String status, String entityName, Map<String, Object> entity, String reason, List<String> errors) {

    public static WriteOutcome created(String entityName, Map<String, Object> entity) {
        return new WriteOutcome("created", entityName, entity, null, List.of());
    }

    public static WriteOutcome ignored(String reason) {
        return new WriteOutcome("ignored", null, null, reason, List.of());
    }

    public static WriteOutcome invalid(List<String> errors) {
        return new WriteOutcome("error", null, null, null, List.copyOf(errors));
    }

    /** The single-write answer: 201 with the entity, 202 ignored, or 422 with the errors. */
    public Response toResponse() {
        Map<String, Object> body = switch (status) {
            case "created" -> Json.object("status", status, entityName, entity);
            case "ignored" -> Json.object("status", status, "reason", reason);
            default -> Json.object("status", status, "errors", errors);
        };
        int code = switch (status) {
            case "created" -> 201;
            case "ignored" -> 202;
            default -> 422;
        };
        return Response.status(code).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** This outcome as the {@code results[]} row of a batch answer. */
    public Map<String, Object> toBatchRow(int index) {
        return switch (status) {
            case "created" -> Json.object("index", index, "status", status);
            case "ignored" -> Json.object("index", index, "status", status, "reason", reason);
            default -> Json.object("index", index, "status", status, "errors", errors);
        };
    }

    /** The batch answer for a list of outcomes, with the three counters. */
    public static Map<String, Object> batchBody(List<WriteOutcome> outcomes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            rows.add(outcomes.get(i).toBatchRow(i));
        }
        return Json.object(
                "created_count", outcomes.stream().filter(o -> o.status().equals("created")).count(),
                "ignored_count", outcomes.stream().filter(o -> o.status().equals("ignored")).count(),
                "error_count", outcomes.stream().filter(o -> o.status().equals("error")).count(),
                "results", rows);
    }
}
