// Summaries of JFR recordings of the gateway: where the CPU samples go by part, the top frames, the gateway's own
// frames and the heap allocated per request. Used by run-perf and, through jfr-summary.mjs, by bench/run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Where a sample's CPU goes: the innermost frame (walking out from the top of the stack) that matches one of
 * these prefixes names its part. graphql-java's parts are told apart by who asked: SmallRye, or the request guard.
 */
const PARTS = [
    ['graphql.parser.', 'parsing the document'],
    ['graphql.org.antlr.', 'parsing the document'],
    ['graphql.validation.', 'validating the document'],
    ['graphql.analysis.', 'analysing the query (depth, complexity, traversals)'],
    ['graphql.normalized.', 'analysing the query (depth, complexity, traversals)'],
    ['io.smallrye.graphql.execution.context.', 'SmallRye context (selected fields, arguments)'],
    ['com.fasterxml.jackson.', 'JSON (Jackson)'],
    ['org.eclipse.parsson.', 'JSON (Jakarta JSON: SmallRye request and response)'],
    ['jakarta.json.', 'JSON (Jakarta JSON: SmallRye request and response)'],
    ['io.vertx.core.json.', 'JSON (Vert.x)'],
    ['org.jboss.logmanager.', 'logging'],
    ['org.jboss.logging.', 'logging'],
    ['io.micrometer.', 'metrics'],
    ['io.quarkus.micrometer.', 'metrics'],
    ['app.tinylytics.', 'gateway code (app.tinylytics)'],
    ['graphql.execution.', 'graphql-java execution engine'],
    ['graphql.schema.', 'graphql-java schema and selection sets'],
    ['graphql.util.', 'graphql-java tree traversals'],
    ['graphql.language.', 'graphql-java document nodes'],
    ['graphql.', 'graphql-java, other'],
    ['io.smallrye.graphql.', 'SmallRye GraphQL, other'],
    ['io.smallrye.context.', 'context propagation'],
    ['io.smallrye.mutiny.', 'Mutiny'],
    ['io.quarkus.arc.', 'CDI (ArC)'],
    ['io.vertx.', 'HTTP server (Vert.x, Netty)'],
    ['io.netty.', 'HTTP server (Vert.x, Netty)'],
];
// The transport checks a request (parsing through the shared document cache) before SmallRye executes it.
const GUARD = 'app.tinylytics.gateway.transport.OperationChecks';
const GRAPHQL_HANDLER = 'io.smallrye.graphql.execution.ExecutionService.execute';

function partOf(frames) {
    for (let i = 0; i < frames.length; i++) {
        const match = PARTS.find(([prefix]) => frames[i].startsWith(prefix));
        if (!match) continue;
        let part = match[1];
        if (match[0].startsWith('graphql.')) {
            // Inner to SmallRye's handler it is the engine's own; otherwise the request guard's, which runs first.
            const handler = frames.findIndex((f) => f.startsWith(GRAPHQL_HANDLER));
            const guard = frames.findIndex((f) => f.startsWith(GUARD));
            part += handler >= 0 && handler > i ? ', by graphql-java for SmallRye' : guard >= 0 ? ', by the transport\'s checks' : '';
        }
        return part;
    }
    return 'other (JDK, GC-related, unattributed)';
}

/**
 * From the recording: where the CPU goes by part (each sample counted once), the top frames (self), the
 * gateway's own frames (inclusive, only inner to SmallRye's ExecutionService when it ran: the transport calls the rest of the
 * route, so its frames are under everything), and the heap allocated per request (jdk.GCHeapSummary).
 */
export function summariseJfr(file, requests) {
    const printed = execFileSync('jfr', ['print', '--events', 'jdk.ExecutionSample', '--stack-depth', '512', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const self = new Map();
    const parts = new Map();
    const app = new Map();
    let samples = 0;
    let truncated = 0;
    const add = (map, key) => map.set(key, (map.get(key) || 0) + 1);
    for (const block of printed.split('jdk.ExecutionSample {').slice(1)) {
        const stack = block.split('stackTrace = [')[1];
        if (!stack) continue;
        const lines = stack.split('\n').map((l) => l.trim()).filter((l) => l && l !== ']' && l !== '}');
        if (lines[lines.length - 1] === '...') truncated++;
        const frames = lines.filter((l) => l !== '...').map((l) => l.replace(/\s+line:.*$/, ''));
        if (frames.length === 0) continue;
        samples++;
        add(self, frames[0]);
        add(parts, partOf(frames));
        const handler = frames.findIndex((f) => f.startsWith(GRAPHQL_HANDLER));
        for (const frame of new Set(frames.slice(0, handler >= 0 ? handler : frames.length))) {
            if (frame.startsWith('app.tinylytics.')) add(app, frame);
        }
    }
    const top = (map, n) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
        .map(([frame, count]) => ({ frame, samples: count, percent: round((100 * count) / samples, 1) }));
    const print = (list) => list.map((t) => `  ${String(t.percent).padStart(5)} %  ${String(t.samples).padStart(6)}  ${t.frame}`);
    const topSelf = top(self, 20);
    const byPart = top(parts, 30);
    const allocated = heapAllocated(file);
    const allocatedKiBPerRequest = allocated && requests ? Math.round(allocated / 1024 / requests) : null;
    const lines = [
        `${samples} execution samples (jdk.ExecutionSample, settings=profile) from ${relative(ROOT, file)}` +
            (truncated ? `; ${truncated} stacks cut at the recording's stack depth` : ''),
        `Heap allocated during the recording: ${allocated ? Math.round(allocated / 2 ** 20) : '?'} MiB for ${requests} requests` +
            ` = ${allocatedKiBPerRequest ?? '?'} KiB per request (growth between GCs, jdk.GCHeapSummary)`,
        '', 'Where the samples go (the innermost frame of a known part names the part):', ...print(byPart),
        '', 'Top 20 frames (self):', ...print(topSelf),
        '', 'Top 20 app.tinylytics frames (inclusive; inner to SmallRye\'s ExecutionService.execute when the request executed, since the transport calls it):', ...print(top(app, 20)),
    ];
    const jfr25 = '/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr';
    if (existsSync(jfr25)) {
        for (const view of ['hot-methods', 'thread-cpu-load', 'gc']) {
            try {
                lines.push('', `jfr view ${view} (Temurin 25's jfr):`, execFileSync(jfr25, ['view', '--width', '160', view, file], { encoding: 'utf8' }).trimEnd());
            } catch (e) {
                lines.push('', `jfr view ${view} failed: ${e.message}`);
            }
        }
    }
    return { text: lines.join('\n'), topSelf, byPart, allocatedKiBPerRequest };
}

/** Bytes allocated between the GCs of a recording: heap used before each GC minus after the previous one. */
function heapAllocated(file) {
    try {
        const json = JSON.parse(execFileSync('jfr', ['print', '--json', '--events', 'jdk.GCHeapSummary', file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
        const events = json.recording.events.map((e) => e.values).sort((a, b) => a.gcId - b.gcId || (a.when === 'Before GC' ? -1 : 1));
        let total = 0;
        let lastAfter = null;
        for (const e of events) {
            if (e.when === 'Before GC' && lastAfter !== null) total += e.heapUsed - lastAfter;
            if (e.when === 'After GC') lastAfter = e.heapUsed;
        }
        return total || null;
    } catch {
        return null;
    }
}
