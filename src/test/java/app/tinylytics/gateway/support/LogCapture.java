package app.tinylytics.gateway.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record's message, parameters and exception chain while installed on the root logger: what a test
 * searches for a key that must never be logged.
 */
public final class LogCapture extends Handler {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    public LogCapture install() {
        Logger.getLogger("").addHandler(this);
        return this;
    }

    public void uninstall() {
        Logger.getLogger("").removeHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                line.append(' ').append(parameter);
            }
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            line.append(' ').append(t);
        }
        lines.add(line.toString());
    }

    public String text() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
