package app.tinylytics.gateway.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.cdi.event.BeforeExecute;

/**
 * Every GraphQL operation the application under test starts to execute, seen from SmallRye's before-execute event:
 * it fires synchronously before any resolver runs and before the answer is written, even for an execution that
 * then fails, and it carries the document, so a malformed request that was executed is caught and named.
 */
@ApplicationScoped
public class ExecutedOperations {

    /** Documents kept for failure messages: the application serves every test class, so keep only the latest. */
    private static final int KEPT = 50;

    private final Deque<String> latest = new ArrayDeque<>();
    private int count;

    synchronized void started(@Observes @BeforeExecute Context context) {
        count++;
        latest.addLast(context.getQuery());
        if (latest.size() > KEPT) {
            latest.removeFirst();
        }
    }

    /** How many operations have started so far. */
    public synchronized int count() {
        return count;
    }

    /** The documents of the operations started after the first {@code from} (at most the latest few). */
    public synchronized List<String> since(int from) {
        List<String> documents = new ArrayList<>(latest);
        return documents.subList(Math.max(0, documents.size() - (count - from)), documents.size());
    }
}
