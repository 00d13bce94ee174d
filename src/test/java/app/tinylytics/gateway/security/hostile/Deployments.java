package app.tinylytics.gateway.security.hostile;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The suite's three packaged gateways, started together once for every attack (a jar takes seconds to start on a busy
 * machine) and stopped at the end.
 */
final class Deployments {

    /** Where the gateways' logs and the measured outcomes go. */
    static final Path OUTPUT = Path.of("target/hostile-callers");

    private static Deployment jwt;
    private static Deployment openReads;
    private static Deployment closed;

    private Deployments() {
    }

    static synchronized void start() {
        if (jwt != null) {
            return;
        }
        CompletableFuture<Deployment> jwtStart = CompletableFuture.supplyAsync(() -> Deployment.jwt(OUTPUT));
        CompletableFuture<Deployment> openStart = CompletableFuture.supplyAsync(() -> Deployment.openReads(OUTPUT));
        CompletableFuture<Deployment> closedStart = CompletableFuture.supplyAsync(() -> Deployment.closed(OUTPUT));
        try {
            CompletableFuture.allOf(jwtStart, openStart, closedStart).join();
        } catch (CompletionException failed) {
            List.of(jwtStart, openStart, closedStart).forEach(start -> start.thenAccept(Deployment::close));
            throw failed;
        }
        jwt = jwtStart.join();
        openReads = openStart.join();
        closed = closedStart.join();
    }

    static synchronized void stop() {
        for (Deployment deployment : all()) {
            deployment.close();
        }
        jwt = null;
        openReads = null;
        closed = null;
    }

    /** Frontends authenticate with JWTs. */
    static Deployment jwt() {
        return require(jwt);
    }

    /** A closed network with open reads and a small hourly limit. */
    static Deployment openReads() {
        return require(openReads);
    }

    /** No access mode declared. */
    static Deployment closed() {
        return require(closed);
    }

    static List<Deployment> all() {
        return jwt == null ? List.of() : List.of(jwt, openReads, closed);
    }

    private static Deployment require(Deployment deployment) {
        if (deployment == null) {
            throw new IllegalStateException("The deployments are started by HostileCallersIT");
        }
        return deployment;
    }
}
