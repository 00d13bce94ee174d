// The performance harness of issue 16 (entry: bench/perf/run-perf, which installs what this needs).
// Starts the upstream (the packaged jar serving the simulator), the gateway jar and the peer (Hive
// Gateway + Mesh, bench/peer), runs every scenario in one run with autocannon, prints the goals with
// their ratios and verdicts, and writes <out>.json and <out>.md. See bench/perf/README.md.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { differences, normaliseDashboard, normaliseSiteLeaderboard } from './lib/equivalence.mjs';
import { goodGraphQLAnswer, measure, measureRound, round, summarise, warmUp } from './lib/load.mjs';
import { alive, loadAverage } from './lib/proc.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const DOCS = join(HERE, 'documents');

// ------------------------------------------------------------------ options

const USAGE = `usage: bench/perf/run-perf [--smoke] [options]
  --smoke                 a few seconds per phase (about a minute in all); results under bench/.work/perf/
  --connections N         concurrent connections (32)
  --warmup S --duration S warm-up and measured seconds of each steady scenario (20, 15)
  --rounds N              the measured seconds of the steady scenarios are cut into N rounds taken in turn (3; smoke 1)
  --first-warmup S --first-duration S   the same after a fresh start (2, 10)
  --jvm-opts "..."        the gateway's JVM options (default: $GATEWAY_JVM_OPTS, else none: what the project ships)
  --upstream URL          use this Tinylytics API base URL instead of starting the simulator jar
  --key KEY               the key sent as Authorization: Bearer (tly-ro-demo-alice-read)
  --port-base N           ports N..N+4 on 127.0.0.1 (19100)
  --jar PATH              the gateway jar (target/quarkus-app/quarkus-run.jar)
  --peer-fork N           Hive Gateway worker processes (1)
  --only a,b,...          run these scenarios only (${'floor,health,site-gateway,site-peer,dashboard-gateway,dashboard-peer,first-gateway,first-peer'})
  --jfr S                 after the scenarios, record S seconds of JFR on the gateway under the dashboard load
  --out PATH              result files without extension (bench/results/perf; smoke: bench/.work/perf/perf-smoke)`;

function parseArgs(argv) {
    const flags = new Set(['smoke']);
    const o = {};
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '-h' || a === '--help') {
            console.log(USAGE);
            process.exit(0);
        }
        if (!a.startsWith('--')) fail(`unexpected argument ${a}\n${USAGE}`, 2);
        const name = a.slice(2);
        if (flags.has(name)) {
            o[name] = true;
        } else {
            if (i + 1 >= argv.length) fail(`--${name} needs a value`, 2);
            o[name] = argv[++i];
        }
    }
    const smoke = Boolean(o.smoke);
    const num = (name, full, quick) => Number(o[name] ?? (smoke ? quick : full));
    return {
        smoke,
        connections: num('connections', 32, 32),
        warmup: num('warmup', 20, 1),
        duration: num('duration', 15, 2),
        firstWarmup: num('first-warmup', 2, 1),
        firstDuration: num('first-duration', 10, 2),
        rounds: num('rounds', 3, 1),
        jvmOpts: (o['jvm-opts'] ?? process.env.GATEWAY_JVM_OPTS ?? '').trim(),
        upstream: o.upstream || null,
        key: o.key || 'tly-ro-demo-alice-read',
        portBase: Number(o['port-base'] || 19100),
        jar: resolve(ROOT, o.jar || 'target/quarkus-app/quarkus-run.jar'),
        demoJar: resolve(ROOT, 'target/demo/quarkus-run.jar'),
        peerFork: Number(o['peer-fork'] || 1),
        only: o.only ? new Set(o.only.split(',')) : null,
        jfr: o.jfr ? Number(o.jfr) : 0,
        out: resolve(ROOT, o.out || (smoke ? 'bench/.work/perf/perf-smoke' : 'bench/results/perf')),
    };
}

function fail(message, code = 1) {
    console.error(`run-perf: ${message}`);
    process.exit(code);
}

const opts = parseArgs(process.argv.slice(2));
const WORK = join(ROOT, 'bench/.work/perf');
mkdirSync(WORK, { recursive: true });
mkdirSync(dirname(opts.out), { recursive: true });

// ------------------------------------------------------------------ processes

const children = [];
const PID_FILE = process.env.RUN_PERF_PID_FILE || join(WORK, 'pids');

/** Starts a process in its own process group (so its children go with it), logging to bench/.work/perf/NAME.log. */
function start(name, command, args, env = {}) {
    const logPath = join(WORK, `${name}.log`);
    const log = openSync(logPath, 'w');
    const child = spawn(command, args, {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', log, log],
        detached: true,
    });
    closeSync(log);
    child.startedAt = performance.now();
    child.label = name;
    child.logPath = logPath;
    child.on('exit', (code, signal) => {
        child.exitedWith = signal || code;
    });
    children.push(child);
    writePidFile();
    return child;
}

/** The process groups still running, for bench/perf/run-perf's backstop cleanup. */
function writePidFile() {
    writeFileSync(PID_FILE, children.filter((c) => c.exitedWith === undefined).map((c) => `${c.pid}\n`).join(''));
}

/** SIGTERM to the process group, SIGKILL after 10 s. */
async function stop(child) {
    if (child.exitedWith !== undefined) return;
    const gone = new Promise((r) => child.once('exit', r));
    try {
        process.kill(-child.pid, 'SIGTERM');
    } catch {
        return;
    }
    const timer = setTimeout(() => {
        try {
            process.kill(-child.pid, 'SIGKILL');
        } catch {
            // already gone
        }
    }, 10000);
    await gone;
    clearTimeout(timer);
    writePidFile();
}

function killAllNow() {
    for (const child of children) {
        if (child.exitedWith === undefined) {
            try {
                process.kill(-child.pid, 'SIGKILL');
            } catch {
                // already gone
            }
        }
    }
}

process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
        console.error(`run-perf: ${signal}, stopping`);
        killAllNow();
        process.exit(130);
    });
}

async function portFree(port) {
    try {
        await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
        return false;
    } catch (e) {
        return e.cause?.code === 'ECONNREFUSED';
    }
}

/** Polls URL until it answers 200; milliseconds from the child's start. */
async function waitReady(child, url, timeoutMs = 180000) {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
        if (child.exitedWith !== undefined) {
            fail(`${child.label} exited (${child.exitedWith}) before it was ready; log: ${relative(ROOT, child.logPath)}\n${tail(child.logPath)}`);
        }
        try {
            const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
            if (response.status === 200) return performance.now() - child.startedAt;
        } catch {
            // not listening yet
        }
        await sleep(50);
    }
    fail(`${child.label} not ready at ${url} after ${timeoutMs / 1000} s; log: ${relative(ROOT, child.logPath)}`);
}

function tail(path) {
    try {
        return readFileSync(path, 'utf8').split('\n').slice(-15).join('\n');
    } catch {
        return '';
    }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const PORTS = {
    gateway: opts.portBase,
    simulator: opts.portBase + 1,
    peer: opts.portBase + 2,
    freshGateway: opts.portBase + 3,
    freshPeer: opts.portBase + 4,
};
const UPSTREAM = opts.upstream || `http://127.0.0.1:${PORTS.simulator}/simulator/api/v1`;
const HIGH = '100000000';

function startGateway(name, port) {
    const jvm = opts.jvmOpts ? opts.jvmOpts.split(/\s+/) : [];
    // Deeper stacks for the recording (JFR's default of 64 frames cuts GraphQL's deep async stacks).
    if (opts.jfr > 0 && name === 'gateway') jvm.push('-XX:FlightRecorderOptions=stackdepth=512');
    return start(name, 'java', [...jvm, '-jar', opts.jar], {
        QUARKUS_HTTP_HOST: '127.0.0.1',
        QUARKUS_HTTP_PORT: String(port),
        TINYLYTICS_API_BASE_URL: UPSTREAM,
        TINYLYTICS_API_READ_KEY: opts.key,
        // Neither the gateway's own budget nor the upstream's rate limit may interfere with a load test.
        GATEWAY_UPSTREAM_HOURLY_LIMIT: HIGH,
    });
}

/** The peer; with a composed supergraph it starts from that (a fresh start then times Hive Gateway alone). */
function startPeer(name, port, supergraph) {
    const args = ['--port', String(port), '--upstream', UPSTREAM, '--key', opts.key, '--fork', String(opts.peerFork)];
    if (supergraph) args.push('--supergraph', supergraph);
    return start(name, join(ROOT, 'bench/peer/start'), args);
}

/** Upstream reads served so far (the simulator jar's HTTP server metrics), or null when it has none. */
async function upstreamReads() {
    try {
        const origin = new URL(UPSTREAM).origin;
        const text = await (await fetch(`${origin}/q/metrics`, { signal: AbortSignal.timeout(5000) })).text();
        let sum = 0;
        let seen = false;
        for (const line of text.split('\n')) {
            const m = /^http_server_requests_seconds_count\{[^}]*uri="([^"]*)"[^}]*\} ([0-9.eE+-]+)/.exec(line);
            if (m && m[1].startsWith(new URL(UPSTREAM).pathname + '/') && !m[1].endsWith('/openapi.json')) {
                sum += Number(m[2]);
                seen = true;
            }
        }
        return seen ? sum : 0;
    } catch {
        return null;
    }
}

// ------------------------------------------------------------------ scenarios

const doc = (file) => JSON.stringify({ query: readFileSync(join(DOCS, file), 'utf8') });
const AUTH = { authorization: `Bearer ${opts.key}` };
const GRAPHQL_HEADERS = { 'content-type': 'application/json', accept: 'application/json', ...AUTH };

const SCENARIOS = [
    { id: 'floor', label: 'floor: { __typename } through the gateway', target: 'gateway', body: doc('gateway-floor.graphql') },
    { id: 'health', label: 'GET /q/health/live (gateway)', target: 'gateway', path: '/q/health/live' },
    { id: 'site-gateway', label: 'one site + leaderboard, gateway', target: 'gateway', body: doc('gateway-site-leaderboard.graphql') },
    { id: 'site-peer', label: 'one site + leaderboard, peer', target: 'peer', body: doc('peer-site-leaderboard.graphql') },
    { id: 'dashboard-gateway', label: 'cached dashboard, gateway', target: 'gateway', body: doc('gateway-dashboard.graphql') },
    { id: 'dashboard-peer', label: 'cached dashboard, peer', target: 'peer', body: doc('peer-dashboard.graphql') },
    { id: 'first-gateway', label: 'dashboard, first seconds after ready, fresh gateway', target: 'gateway', fresh: true, body: doc('gateway-dashboard.graphql') },
    { id: 'first-peer', label: 'dashboard, first seconds after ready, fresh peer', target: 'peer', fresh: true, body: doc('peer-dashboard.graphql') },
];
const wanted = (id) => !opts.only || opts.only.has(id);

function request(scenario, port) {
    const url = `http://127.0.0.1:${port}${scenario.path || '/graphql'}`;
    return scenario.body
        ? { url, method: 'POST', body: scenario.body, headers: GRAPHQL_HEADERS }
        : { url, method: 'GET', headers: {} };
}

/** One request, checked: 200 and a GraphQL answer with data and no error (or a health answer that is UP). */
async function check(scenario, port) {
    const r = request(scenario, port);
    const response = await fetch(r.url, { method: r.method, body: r.body, headers: r.headers, signal: AbortSignal.timeout(30000) });
    const text = await response.text();
    const ok = response.status === 200 && (scenario.body ? goodGraphQLAnswer(text) : text.includes('UP'));
    return { ok, status: response.status, sample: text.slice(0, 300) };
}

const verifyFor = (scenario) => (scenario.body ? goodGraphQLAnswer : (body) => typeof body === 'string' && body.includes('UP'));

// ------------------------------------------------------------------ run

/** Whether the gateway's and the peer's documents return the same values (a list of differences per pair). */
async function equivalence() {
    const answer = async (scenario, port) => {
        const r = request(scenario, port);
        const response = await fetch(r.url, { method: r.method, body: r.body, headers: r.headers, signal: AbortSignal.timeout(30000) });
        return (await response.json()).data;
    };
    const pairs = [
        ['site-leaderboard', 'site-gateway', 'site-peer', normaliseSiteLeaderboard],
        ['dashboard', 'dashboard-gateway', 'dashboard-peer', normaliseDashboard],
    ];
    const out = {};
    for (const [name, gatewayId, peerId, normalise] of pairs) {
        try {
            const g = normalise(await answer(SCENARIOS.find((x) => x.id === gatewayId), PORTS.gateway));
            const p = normalise(await answer(SCENARIOS.find((x) => x.id === peerId), PORTS.peer));
            out[name] = differences(g, p);
        } catch (e) {
            out[name] = [`could not compare: ${e.message}`];
        }
    }
    return out;
}

const startedAt = new Date();
const loadStart = loadAverage();
const problems = [];
const results = {};
let steadyGateway;
let steadyPeer;
let equivalent = null;

function describe(r) {
    const upstream = r.upstreamReads ?? 'n/a';
    return `${r.rps} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, non-2xx ${r.non2xx}, errors ${r.errors + r.timeouts}, ` +
        `CPU ${r.cpuMsPerRequest} ms/req (${r.targetCores} cores), RSS ${r.rssMiB} MiB, upstream reads ${upstream}, ` +
        `others ${r.otherCores} cores, load ${r.loadAverage}`;
}

/** Upstream reads of one measured phase (null when the upstream has no metrics). */
async function countUpstreamReads() {
    const before = await upstreamReads();
    return async () => {
        const after = await upstreamReads();
        return before === null || after === null ? null : after - before;
    };
}

/** Failed requests and failed checks make the run fail; a fresh process answering nothing in a short window does not. */
function judge(scenario, r) {
    if ((r.requests === 0 && !scenario.fresh) || r.non2xx > 0 || r.errors > 0 || r.timeouts > 0 || (r.warmup && r.warmup.mismatches > 0)) {
        problems.push(`${scenario.id}: ${r.requests} requests, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}, warm-up answers failing the check ${r.warmup?.mismatches ?? 0}`);
    }
    if (!r.check.ok) problems.push(`${scenario.id}: check request answered ${r.check.status}: ${r.check.sample}`);
}

function finish(r) {
    r.upstreamReads = r.around;
    delete r.around;
    return r;
}

/**
 * The steady scenarios: each is checked and warmed up in turn, then the measured time is cut into rounds
 * that go round the scenarios, so that a burst of other work on the machine lands on all of them alike.
 */
async function runSteady(scenarios) {
    const plan = scenarios.map((scenario) => ({
        scenario,
        child: scenario.target === 'gateway' ? steadyGateway : steadyPeer,
        port: scenario.target === 'gateway' ? PORTS.gateway : PORTS.peer,
        rounds: [],
    }));
    for (const p of plan) {
        p.check = await check(p.scenario, p.port);
        p.warmup = await warmUp({ ...request(p.scenario, p.port), connections: opts.connections, seconds: opts.warmup, verify: verifyFor(p.scenario) });
        console.log(`  warmed up: ${p.scenario.label} (${p.warmup.rps} req/s)`);
    }
    for (let round = 0; round < opts.rounds; round++) {
        for (const p of plan) {
            p.rounds.push(await measureRound({
                ...request(p.scenario, p.port),
                connections: opts.connections,
                seconds: opts.duration / opts.rounds,
                pid: p.child.pid,
                around: countUpstreamReads,
            }));
        }
    }
    for (const p of plan) {
        const r = finish({ ...summarise(p.rounds, opts.connections), warmupSec: opts.warmup, warmup: p.warmup, check: p.check });
        results[p.scenario.id] = r;
        judge(p.scenario, r);
        if (!alive(p.child.pid)) problems.push(`${p.scenario.id}: the ${p.scenario.target} died`);
        console.log(`  ${p.scenario.label.padEnd(54)} ${describe(r)}`);
    }
}

/** A fresh process, measured from the moment it is ready (the check comes after, so it cannot warm anything). */
async function runFresh(scenario) {
    const port = scenario.target === 'gateway' ? PORTS.freshGateway : PORTS.freshPeer;
    // The fresh peer serves the supergraph the steady one composed, if there is one: composing is a build step.
    const composed = join(ROOT, `bench/peer/.work/supergraph-${PORTS.peer}.graphql`);
    const child = scenario.target === 'gateway' ? startGateway('fresh-gateway', port)
        : startPeer('fresh-peer', port, steadyPeer && existsSync(composed) ? composed : null);
    const readyMs = await waitReady(child, `http://127.0.0.1:${port}${scenario.target === 'gateway' ? '/q/health/ready' : '/readiness'}`);
    const r = finish(await measure({
        ...request(scenario, port),
        connections: opts.connections,
        warmupSec: opts.firstWarmup,
        durationSec: opts.firstDuration,
        pid: child.pid,
        verify: verifyFor(scenario),
        around: countUpstreamReads,
    }));
    r.readyMs = Math.round(readyMs);
    r.firstAnswerAfterReadyMs = r.warmup?.firstAnswerMs ?? r.firstAnswerMs;
    r.check = await check(scenario, port);
    results[scenario.id] = r;
    judge(scenario, r);
    await stop(child);
    console.log(`  ${scenario.label.padEnd(54)} ${describe(r)}, ready after ${r.readyMs} ms, first answer ${r.firstAnswerAfterReadyMs} ms after ready`);
}

async function main() {
    if (!existsSync(opts.jar)) fail(`no gateway jar at ${opts.jar}: ./mvnw -B -q package -Dmaven.test.skip=true`);
    for (const port of Object.values(PORTS)) {
        if (!(await portFree(port))) fail(`port ${port} is in use; free it or pass --port-base`);
    }
    console.log(`run-perf: ${opts.smoke ? 'SMOKE' : 'full'} run, ${opts.connections} connections, warm-up ${opts.warmup} s + ${opts.duration} s in ${opts.rounds} round(s) per scenario; ` +
        `gateway JVM options: ${opts.jvmOpts || '(none)'}; load average ${loadStart}`);

    // The gateway may start with the upstream; the peer composes from the upstream's description, so it waits.
    const needGateway = SCENARIOS.some((s) => !s.fresh && s.target === 'gateway' && wanted(s.id)) || opts.jfr > 0;
    const needPeer = SCENARIOS.some((s) => !s.fresh && s.target === 'peer' && wanted(s.id));
    if (needGateway) steadyGateway = startGateway('gateway', PORTS.gateway);
    if (!opts.upstream) {
        // The demo build (target/demo) carries the embedded simulator; the production jar does not.
        const simulator = start('simulator', 'java', ['-jar', opts.demoJar], {
            QUARKUS_HTTP_HOST: '127.0.0.1',
            QUARKUS_HTTP_PORT: String(PORTS.simulator),
            TINYLYTICS_SIMULATOR_HOURLY_LIMIT: HIGH,
        });
        await waitReady(simulator, `http://127.0.0.1:${PORTS.simulator}/q/health/ready`);
    }
    if (needPeer) steadyPeer = startPeer('peer', PORTS.peer);
    const ready = {};
    if (steadyGateway) ready.gatewayMs = Math.round(await waitReady(steadyGateway, `http://127.0.0.1:${PORTS.gateway}/q/health/ready`));
    if (steadyPeer) ready.peerMs = Math.round(await waitReady(steadyPeer, `http://127.0.0.1:${PORTS.peer}/readiness`));
    console.log(`run-perf: ready (gateway ${ready.gatewayMs ?? '-'} ms after start, with the upstream starting beside it; ` +
        `peer ${ready.peerMs ?? '-'} ms after start, composition included)`);

    if (steadyGateway && steadyPeer) {
        equivalent = await equivalence();
        for (const [name, diffs] of Object.entries(equivalent)) {
            console.log(`run-perf: ${name}, gateway vs peer: ${diffs.length === 0 ? 'the same values' : `DIFFERENT: ${diffs.slice(0, 5).join('; ')}`}`);
        }
    }

    await runSteady(SCENARIOS.filter((x) => !x.fresh && wanted(x.id)));
    for (const scenario of SCENARIOS.filter((x) => x.fresh && wanted(x.id))) await runFresh(scenario);

    let jfr = null;
    if (opts.jfr > 0 && steadyGateway) jfr = await recordJfr();

    const report = buildReport(ready, jfr);
    writeFileSync(`${opts.out}.json`, JSON.stringify(report, null, 2) + '\n');
    writeFileSync(`${opts.out}.md`, markdown(report));
    console.log('');
    console.log(goalTable(report).join('\n'));
    console.log(`\nrun-perf: wrote ${relative(ROOT, opts.out)}.json and .md`);

    for (const child of [...children].reverse()) await stop(child);
    if (problems.length > 0) {
        console.error(`run-perf: FAILED\n  ${problems.join('\n  ')}\n  (logs in ${relative(ROOT, WORK)}/)`);
        process.exit(1);
    }
    console.log('run-perf: OK');
}

// ------------------------------------------------------------------ JFR

async function recordJfr() {
    const file = join(WORK, 'dashboard.jfr');
    const scenario = SCENARIOS.find((x) => x.id === 'dashboard-gateway');
    console.log(`run-perf: JFR, ${opts.jfr} s of the cached dashboard on the gateway -> ${relative(ROOT, file)}`);
    execFileSync('jcmd', [String(steadyGateway.pid), 'JFR.start', 'name=perf', 'settings=profile', `filename=${file}`], { stdio: 'ignore' });
    const r = await measure({ ...request(scenario, PORTS.gateway), connections: opts.connections, warmupSec: 0, durationSec: opts.jfr, pid: steadyGateway.pid });
    execFileSync('jcmd', [String(steadyGateway.pid), 'JFR.stop', 'name=perf'], { stdio: 'ignore' });
    const summary = summariseJfr(file, r.requests);
    writeFileSync(`${opts.out}-jfr.txt`, `${summary.text}\n`);
    console.log(`  under JFR: ${describe(r)}`);
    return {
        file: relative(ROOT, file),
        rps: r.rps,
        cpuMsPerRequest: r.cpuMsPerRequest,
        allocatedKiBPerRequest: summary.allocatedKiBPerRequest,
        summary: relative(ROOT, `${opts.out}-jfr.txt`),
        topSelf: summary.topSelf,
        byPart: summary.byPart,
    };
}

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
const GUARD = 'app.tinylytics.gateway.security.GraphQLRequestGuard';
const GRAPHQL_HANDLER = 'io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler.handle';

function partOf(frames) {
    for (let i = 0; i < frames.length; i++) {
        const match = PARTS.find(([prefix]) => frames[i].startsWith(prefix));
        if (!match) continue;
        let part = match[1];
        if (match[0].startsWith('graphql.')) {
            // Inner to SmallRye's handler it is the engine's own; otherwise the request guard's, which runs first.
            const handler = frames.findIndex((f) => f.startsWith(GRAPHQL_HANDLER));
            const guard = frames.findIndex((f) => f.startsWith(GUARD));
            part += handler >= 0 && handler > i ? ', by graphql-java for SmallRye' : guard >= 0 ? ', by GraphQLRequestGuard' : '';
        }
        return part;
    }
    return 'other (JDK, GC-related, unattributed)';
}

/**
 * From the recording: where the CPU goes by part (each sample counted once), the top frames (self), the
 * gateway's own frames (inclusive, only inner to SmallRye's handler: the request guard calls the rest of the
 * route, so its frames are under everything), and the heap allocated per request (jdk.GCHeapSummary).
 */
function summariseJfr(file, requests) {
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
            ` = ${allocatedKiBPerRequest ?? '?'} KiB per cached dashboard (growth between GCs, jdk.GCHeapSummary)`,
        '', 'Where the samples go (the innermost frame of a known part names the part):', ...print(byPart),
        '', 'Top 20 frames (self):', ...print(topSelf),
        '', 'Top 20 app.tinylytics frames (inclusive, inner to SmallRye\'s handler):', ...print(top(app, 20)),
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

// ------------------------------------------------------------------ report

/** The two goals bench/run measures (uncached overhead, fan-out), read from its latest result file. */
function benchRunGoals() {
    const path = join(ROOT, 'bench/results/latest.md');
    if (!existsSync(path)) return { source: null, overheadP99: null, fanout20: null };
    const text = readFileSync(path, 'utf8');
    const when = /Run by `bench\/run` on ([^,]+), commit ([0-9a-f]+)/.exec(text);
    const overhead = /overhead, upstream 20 ms[^\n]*?p99 ([0-9.]+)x/.exec(text);
    const fanout = /fan-out, k = 20[^\n]*?ratio to 100 ms ([0-9.]+)x/.exec(text);
    return {
        source: `bench/results/latest.md${when ? ` (${when[1]}, commit ${when[2]})` : ''}`,
        overheadP99: overhead ? Number(overhead[1]) : null,
        fanout20: fanout ? Number(fanout[1]) : null,
    };
}

function goal(name, value, target, met, detail) {
    return { goal: name, value, target, verdict: value === null || value === undefined ? 'not measured' : met ? 'met' : 'missed', detail };
}

function buildReport(ready, jfr) {
    const s = results;
    const ratio = (a, b) => (a !== undefined && a !== null && b ? round(a / b, 2) : null);
    const floorRatio = ratio(s['dashboard-gateway']?.rps, s.floor?.rps);
    const peerRatio = ratio(s['dashboard-gateway']?.rps, s['dashboard-peer']?.rps);
    const cpu = s['dashboard-gateway']?.cpuMsPerRequest ?? null;
    const rss = s['dashboard-gateway']?.rssMiB ?? null;
    const first = ratio(s['first-gateway']?.rps, s['dashboard-gateway']?.rps);
    const benchRun = benchRunGoals();
    const goals = [
        goal('cached dashboard vs { __typename } floor (same run)', floorRatio, '>= 0.6x', floorRatio >= 0.6,
            s.floor && s['dashboard-gateway'] ? `${s['dashboard-gateway'].rps} / ${s.floor.rps} req/s; per core used: ${perCore(s['dashboard-gateway'])} / ${perCore(s.floor)} = ${ratio(perCore(s['dashboard-gateway']), perCore(s.floor))}x` : ''),
        goal('cached dashboard vs Hive Gateway + Mesh, response cache (same run)', peerRatio, '>= 3x', peerRatio >= 3,
            s['dashboard-peer'] && s['dashboard-gateway'] ? `${s['dashboard-gateway'].rps} / ${s['dashboard-peer'].rps} req/s; per core used: ${perCore(s['dashboard-gateway'])} / ${perCore(s['dashboard-peer'])} = ${ratio(perCore(s['dashboard-gateway']), perCore(s['dashboard-peer']))}x` : ''),
        goal('gateway CPU per cached dashboard', cpu, '<= 0.1 ms', cpu !== null && cpu <= 0.1,
            s['dashboard-gateway'] ? `${s['dashboard-gateway'].cpuSeconds} CPU s / ${s['dashboard-gateway'].requests} requests` : ''),
        goal(`RSS under the dashboard load (JVM options: ${opts.jvmOpts || 'none, as shipped'})`, rss, '<= 256 MiB', rss !== null && rss <= 256,
            rss !== null ? `${rss} MiB at the end of the measured phase` : ''),
        goal('first seconds after ready vs steady state (dashboard)', first, '>= 0.5x', first >= 0.5,
            s['first-gateway'] ? `${s['first-gateway'].rps} / ${s['dashboard-gateway']?.rps} req/s (${opts.firstWarmup} s warm-up + ${opts.firstDuration} s from ready; ready ${s['first-gateway'].readyMs} ms after start)` : ''),
        goal('uncached overhead p99 at 20 ms upstream (bench/run)', benchRun.overheadP99, '<= 1.3x', benchRun.overheadP99 <= 1.3,
            benchRun.source ? `not this run: ${benchRun.source}` : 'run bench/run'),
        goal('fan-out k = 20 (bench/run)', benchRun.fanout20, '<= 1.2x', benchRun.fanout20 <= 1.2,
            benchRun.source ? `not this run: ${benchRun.source}` : 'run bench/run'),
    ];
    let commit = 'unknown';
    try {
        commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
        // The result files themselves do not count (a run rewrites them).
        const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)bench/results'], { cwd: ROOT, encoding: 'utf8' }).trim();
        if (dirty) commit += ' (with uncommitted changes)';
    } catch {
        // not a git checkout
    }
    const versionOf = (cmd, args) => {
        const r = spawnSync(cmd, args, { encoding: 'utf8' });
        return `${r.stderr || ''}${r.stdout || ''}`.trim().split('\n')[0] || 'unknown';
    };
    const peerPackage = JSON.parse(readFileSync(join(ROOT, 'bench/peer/package.json'), 'utf8'));
    return {
        date: startedAt.toISOString(),
        commit,
        mode: opts.smoke ? 'smoke' : 'full',
        machine: {
            cpus: cpus().length,
            cpuModel: cpus()[0]?.model,
            memoryGiB: round(totalmem() / 2 ** 30, 1),
            java: versionOf('java', ['-version']),
            node: process.version,
        },
        loadAverage: { start: loadStart, end: loadAverage() },
        settings: {
            connections: opts.connections,
            warmupSec: opts.warmup,
            durationSec: opts.duration,
            rounds: opts.rounds,
            firstWarmupSec: opts.firstWarmup,
            firstDurationSec: opts.firstDuration,
            gatewayJvmOptions: opts.jvmOpts || '',
            jfr: opts.jfr > 0 ? `${opts.jfr} s after the scenarios; the steady gateway also had -XX:FlightRecorderOptions=stackdepth=512` : 'no',
            upstream: opts.upstream ? UPSTREAM : `simulator jar on 127.0.0.1:${PORTS.simulator} (0 ms latency)`,
            peer: `${Object.entries(peerPackage.dependencies).map(([n, v]) => `${n} ${v}`).join(', ')}; fork ${opts.peerFork}; response cache in memory, per Authorization header, TTL 60 s`,
            loadDriver: 'autocannon 9 (programmatic, one Node process on the same cores)',
        },
        readyMs: ready,
        scenarios: Object.fromEntries(SCENARIOS.filter((sc) => results[sc.id]).map((sc) => [sc.id, { label: sc.label, ...results[sc.id] }])),
        goals,
        equivalence: equivalent,
        jfr,
        problems,
    };
}

/** Requests per second per core the target used (1000 / CPU ms per request): less sensitive to what it was left. */
function perCore(r) {
    return r.cpuMsPerRequest ? Math.round(1000 / r.cpuMsPerRequest) : null;
}

function goalTable(report) {
    const lines = ['| goal | measured | target | verdict | detail |', '| --- | --- | --- | --- | --- |'];
    for (const g of report.goals) {
        const unit = g.target.endsWith('MiB') ? ' MiB' : g.target.endsWith('ms') ? ' ms' : 'x';
        lines.push(`| ${g.goal} | ${g.value === null ? '-' : g.value + unit} | ${g.target} | ${g.verdict} | ${g.detail} |`);
    }
    return lines;
}

function markdown(report) {
    const m = report.machine;
    const out = [
        `# Performance results (issue 16)`,
        '',
        `Run by \`bench/perf/run-perf${report.mode === 'smoke' ? ' --smoke' : ''}\` on ${report.date.replace('T', ' ').slice(0, 16)} UTC, commit ${report.commit}.`,
        '',
        `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB memory, ${m.java}, Node ${m.node}. ` +
            `Load average (1/5/15 min) at the start: ${report.loadAverage.start}; at the end: ${report.loadAverage.end}` +
            `${Number(report.loadAverage.start.split(' ')[0]) > m.cpus || Number(report.loadAverage.end.split(' ')[0]) > m.cpus ? ' (above the CPU count: other work shared the cores, absolute figures are noisy; ratios within the run less so)' : ''}.`,
        '',
        `Settings: ${report.settings.connections} connections, ${report.settings.warmupSec} s warm-up then ${report.settings.durationSec} s measured per scenario, ` +
            `in ${report.settings.rounds} round(s) taken in turn across the steady scenarios after all the warm-ups ` +
            `(fresh starts: ${report.settings.firstWarmupSec} s + ${report.settings.firstDurationSec} s from ready); gateway JVM options: ` +
            `${report.settings.gatewayJvmOptions ? `\`${report.settings.gatewayJvmOptions}\`` : 'none (what the project ships; default heap)'}; upstream: ${report.settings.upstream}; ` +
            `peer: ${report.settings.peer}; load driver: ${report.settings.loadDriver}.`,
        '',
        '## Goals',
        '',
        ...goalTable(report),
        '',
        '## Scenarios',
        '',
        'CPU is the target process\'s utime + stime (with its children) during the measured phase only; RSS is its VmRSS at the end of it. ' +
            '"Others" is the CPU the rest of the machine used meanwhile (not the target, not the load driver): the noise. ' +
            '"req/s per core" is 1000 / CPU ms per request: what one fully available core would serve at that cost.',
        '',
        '| scenario | req/s | req/s per round | req/s per core | p50 ms | p99 ms | non-2xx / errors | CPU s | CPU ms/request | target cores | RSS MiB | upstream reads | load driver cores | others cores | load average |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ];
    for (const [id, r] of Object.entries(report.scenarios)) {
        out.push(`| ${r.label}${r.readyMs ? ` (ready ${r.readyMs} ms after start, first answer ${r.firstAnswerAfterReadyMs} ms after ready)` : ''} | ${r.rps} | ${r.roundsRps.join(', ')} | ${perCore(r) ?? '-'} | ${r.p50Ms} | ${r.p99Ms} | ${r.non2xx} / ${r.errors + r.timeouts} | ${r.cpuSeconds} | ${r.cpuMsPerRequest} | ${r.targetCores} | ${r.rssMiB} | ${r.upstreamReads ?? 'n/a'} | ${r.loaderCores} | ${r.otherCores} | ${r.loadAverage} |`);
        void id;
    }
    out.push('', 'The documents are in `bench/perf/documents/` (the peer\'s are the same reads and leaf values in the shape Mesh generates).');
    if (report.equivalence) {
        for (const [name, diffs] of Object.entries(report.equivalence)) {
            out.push(`Answers to the ${name} documents, gateway vs peer, brought to one shape: ${diffs.length === 0 ? 'the same values' : `different at ${diffs.slice(0, 10).join('; ')}`}.`);
        }
    }
    if (report.jfr) {
        out.push('', `JFR: ${report.jfr.file}, summary in ${report.jfr.summary} (under recording: ${report.jfr.rps} req/s, ` +
            `${report.jfr.allocatedKiBPerRequest ?? '?'} KiB allocated per cached dashboard). Where the gateway's CPU samples go:`, '');
        for (const t of report.jfr.byPart) out.push(`    ${String(t.percent).padStart(5)} %  ${t.frame}`);
    }
    if (report.problems.length > 0) out.push('', '## Problems', '', ...report.problems.map((p) => `- ${p}`));
    return out.join('\n') + '\n';
}

main().catch((e) => {
    console.error(e);
    killAllNow();
    process.exit(1);
});
