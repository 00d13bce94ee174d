package app.tinylytics.gateway.transport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import app.tinylytics.gateway.operation.OperationLog;

/**
 * Every GraphQL operation the application under test executes, seen in its one log line per operation
 * ({@code graphql operation=...}, written by {@link OperationLog} before the answer is sent, so a request's line is
 * there once its answer arrives). An answer from the operation cache executes nothing and logs nothing.
 */
final class ExecutedOperations extends Handler implements AutoCloseable {

    private static final String PREFIX = "graphql operation=";

    private final Logger logger = Logger.getLogger(OperationLog.class.getName());
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ExecutedOperations() {
    }

    /** Starts counting; {@link #close()} stops. */
    static ExecutedOperations capture() {
        ExecutedOperations executed = new ExecutedOperations();
        executed.logger.addHandler(executed);
        return executed;
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getParameters() == null ? record.getMessage()
                : String.format(record.getMessage(), record.getParameters());
        if (message != null && message.startsWith(PREFIX)) {
            lines.add(message);
        }
    }

    /** How many operations have been executed since the capture started. */
    int count() {
        return lines.size();
    }

    /** The log lines of the operations executed after the first {@code from}. */
    List<String> since(int from) {
        return List.copyOf(lines.subList(from, lines.size()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
