package app.tinylytics.gateway.support;

import java.util.concurrent.TimeUnit;

/** Stopping the processes tests start (packaged gateways, the simulator's demo build). */
public final class Processes {

    private Processes() {
    }

    /** SIGTERM, then SIGKILL if it has not exited after 20 s; nothing when it is not running. */
    public static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
