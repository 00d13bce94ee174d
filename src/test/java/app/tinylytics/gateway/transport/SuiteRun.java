package app.tinylytics.gateway.transport;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import app.tinylytics.gateway.transport.MalformedRequest.Category;

/**
 * One run of the malformed-request suite: every request sent, every answer checked ({@link AnswerCheck}) and, where
 * the application runs in this JVM, checked to have executed nothing; with the counts the suite reports.
 */
final class SuiteRun {

    private final Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private int sent;
    private int serverErrors;
    private int executions;
    private boolean executionsObserved;

    private SuiteRun() {
    }

    /** Sends every request in order; {@code executed} is null when the application runs in another process. */
    static SuiteRun of(List<MalformedRequest> requests, RawHttp http, ExecutedOperations executed) {
        SuiteRun run = new SuiteRun();
        run.executionsObserved = executed != null;
        requests.forEach(request -> run.send(request, http, executed));
        return run;
    }

    private void send(MalformedRequest request, RawHttp http, ExecutedOperations executed) {
        int before = executed == null ? 0 : executed.count();
        RawResponse answer = http.send(request.request());
        sent++;
        byCategory.merge(request.category(), 1, Integer::sum);
        byStatus.merge(answer.status(), 1, Integer::sum);
        if (answer.status() >= 500) {
            serverErrors++;
        }
        List<String> problems = new ArrayList<>(AnswerCheck.violations(request, answer));
        if (executed != null && executed.count() > before) {
            executions += executed.count() - before;
            problems.add("executed " + executed.since(before).stream().map(SuiteRun::shorten).toList());
        }
        if (!problems.isEmpty()) {
            violations.add(request + ": " + String.join("; ", problems) + " <- " + answer);
        }
    }

    List<String> violations() {
        return violations;
    }

    int sent() {
        return sent;
    }

    int serverErrors() {
        return serverErrors;
    }

    int executions() {
        return executions;
    }

    /** The counts: requests, answers of 500 or more, executions, by status (0: no answer), by category. */
    String summary() {
        Map<String, Integer> statuses = new TreeMap<>();
        byStatus.forEach((status, count) -> statuses.put(status == 0 ? "closed" : String.valueOf(status), count));
        return sent + " malformed requests: " + serverErrors + " answers >= 500, "
                + (executionsObserved ? executions + " executed, " : "executions not observable, ") + violations.size()
                + " wrong answers; by status " + statuses + "; by category " + byCategory;
    }

    private static String shorten(String document) {
        String line = document == null ? "null" : document.replace('\n', ' ');
        return line.length() > 100 ? line.substring(0, 100) + "…" : line;
    }
}
