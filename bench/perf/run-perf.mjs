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
import { summariseJfr } from './lib/jfr.mjs';

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
  --jfr-scenario A,B      the steady gateway scenarios to record, one after the other (dashboard-gateway);
                          summaries in <out>-jfr-<scenario>.txt
  --jfr-first             after the scenarios, one more fresh gateway recorded from its start through its first
                          seconds under the dashboard load (summary in <out>-jfr-first.txt)
  --overhead-p99 R --fanout20 R   the two latency goals' ratios, measured by bench/run in the same run (without
                          them the goals table repeats bench/results/latest.md's, marked as not this run)
  --out PATH              result files without extension (bench/results/perf; smoke: bench/.work/perf/perf-smoke)`;

function parseArgs(argv) {
    const flags = new Set(['smoke', 'jfr-first']);
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
        jfrScenarios: (o['jfr-scenario'] || 'dashboard-gateway').split(','),
        jfrFirst: Boolean(o['jfr-first']),
        overheadP99: o['overhead-p99'] !== undefined ? Number(o['overhead-p99']) : null,
        fanout20: o['fanout20'] !== undefined ? Number(o['fanout20']) : null,
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
    if (name === 'recorded-fresh-gateway') {
        jvm.push('-XX:FlightRecorderOptions=stackdepth=512',
            `-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=${join(WORK, 'first-gateway.jfr')}`);
    }
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
    console.log(`  answers per second from ready: ${(r.warmup?.perSecond || []).concat(r.perSecond || []).join(' ')}`);
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

    const jfr = [];
    if (opts.jfr > 0 && steadyGateway) {
        for (const id of opts.jfrScenarios) jfr.push(await recordJfr(id));
    }
    if (opts.jfrFirst) jfr.push(await recordFirstSeconds());

    const report = buildReport(ready, jfr);
    writeFileSync(`${opts.out}.json`, JSON.stringify(report, null, 2) + '\n');
    writeFileSync(`${opts.out}.md`, markdown(report));
    // The pieces bench/run puts into bench/results/latest.md.
    writeFileSync(`${opts.out}-goals.md`, `${goalTable(report).join('\n')}\n`);
    writeFileSync(`${opts.out}-sections.md`, `${[settingsLine(report), '', ...scenarioSection(report), ...jfrSection(report)].join('\n')}\n`);
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

async function recordJfr(id) {
    const scenario = SCENARIOS.find((x) => x.id === id && x.target === 'gateway' && !x.fresh);
    if (!scenario) fail(`--jfr-scenario ${id}: not a steady gateway scenario`, 2);
    const file = join(WORK, `${scenario.id}.jfr`);
    console.log(`run-perf: JFR, ${opts.jfr} s of ${scenario.label} -> ${relative(ROOT, file)}`);
    // A scenario that was not run is warmed up here, so the recording sees compiled code.
    if (!results[scenario.id]) await warmUp({ ...request(scenario, PORTS.gateway), connections: opts.connections, seconds: opts.warmup, verify: verifyFor(scenario) });
    execFileSync('jcmd', [String(steadyGateway.pid), 'JFR.start', 'name=perf', 'settings=profile', `filename=${file}`], { stdio: 'ignore' });
    const r = await measure({ ...request(scenario, PORTS.gateway), connections: opts.connections, warmupSec: 0, durationSec: opts.jfr, pid: steadyGateway.pid });
    execFileSync('jcmd', [String(steadyGateway.pid), 'JFR.stop', 'name=perf'], { stdio: 'ignore' });
    const summary = summariseJfr(file, r.requests);
    writeFileSync(`${opts.out}-jfr-${scenario.id}.txt`, `${summary.text}\n`);
    console.log(`  under JFR: ${describe(r)}`);
    return {
        scenario: scenario.label,
        file: relative(ROOT, file),
        rps: r.rps,
        cpuMsPerRequest: r.cpuMsPerRequest,
        allocatedKiBPerRequest: summary.allocatedKiBPerRequest,
        summary: relative(ROOT, `${opts.out}-jfr-${scenario.id}.txt`),
        topSelf: summary.topSelf,
        byPart: summary.byPart,
    };
}

/**
 * One more fresh gateway, recorded by JFR from its start until it has served the dashboard for the first seconds
 * after ready (separate from the measured fresh start, which a recording would slow down).
 */
async function recordFirstSeconds() {
    const file = join(WORK, 'first-gateway.jfr');
    const scenario = SCENARIOS.find((x) => x.id === 'first-gateway');
    console.log(`run-perf: JFR of a fresh gateway from its start through ${opts.firstWarmup + opts.firstDuration} s after ready -> ${relative(ROOT, file)}`);
    const child = startGateway('recorded-fresh-gateway', PORTS.freshGateway);
    await waitReady(child, `http://127.0.0.1:${PORTS.freshGateway}/q/health/ready`);
    const r = await measure({ ...request(scenario, PORTS.freshGateway), connections: opts.connections, warmupSec: 0,
        durationSec: opts.firstWarmup + opts.firstDuration, pid: child.pid });
    await stop(child); // the recording is written on exit
    const summary = summariseJfr(file, r.requests);
    writeFileSync(`${opts.out}-jfr-first.txt`, `${summary.text}\n`);
    return {
        scenario: 'a fresh gateway, from its start through its first seconds under the dashboard load',
        file: relative(ROOT, file),
        rps: r.rps,
        cpuMsPerRequest: r.cpuMsPerRequest,
        allocatedKiBPerRequest: summary.allocatedKiBPerRequest,
        summary: relative(ROOT, `${opts.out}-jfr-first.txt`),
        topSelf: summary.topSelf,
        byPart: summary.byPart,
    };
}

// ------------------------------------------------------------------ report

/** The two goals bench/run measures (uncached overhead, fan-out): given by bench/run, else from its last result file. */
function benchRunGoals() {
    if (opts.overheadP99 !== null || opts.fanout20 !== null) {
        return { source: 'this run', overheadP99: opts.overheadP99, fanout20: opts.fanout20, thisRun: true };
    }
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
            benchRun.thisRun ? 'p99 through the gateway / p99 of the same GET sent straight to the upstream (bench/run section 1)'
                : benchRun.source ? `not this run: ${benchRun.source}` : 'run bench/run'),
        goal('fan-out k = 20 (bench/run)', benchRun.fanout20, '<= 1.2x', benchRun.fanout20 <= 1.2,
            benchRun.thisRun ? 'p50 wall time of 20 fields of 100 ms each / 100 ms (bench/run section 2)'
                : benchRun.source ? `not this run: ${benchRun.source}` : 'run bench/run'),
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
            jfr: opts.jfr > 0 || opts.jfrFirst ? `after the scenarios: ${opts.jfr > 0 ? `${opts.jfr} s of ${opts.jfrScenarios.join(', ')} (the steady gateway also had -XX:FlightRecorderOptions=stackdepth=512)` : ''}${opts.jfrFirst ? '; a fresh gateway recorded from its start' : ''}` : 'no',
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
        settingsLine(report),
        '',
        '## Goals',
        '',
        ...goalTable(report),
        '',
        '## Scenarios',
        '',
        ...scenarioSection(report),
        ...jfrSection(report),
    ];
    if (report.problems.length > 0) out.push('', '## Problems', '', ...report.problems.map((p) => `- ${p}`));
    return out.join('\n') + '\n';
}

function settingsLine(report) {
    return `Settings: ${report.settings.connections} connections, ${report.settings.warmupSec} s warm-up then ${report.settings.durationSec} s measured per scenario, ` +
        `in ${report.settings.rounds} round(s) taken in turn across the steady scenarios after all the warm-ups ` +
        `(fresh starts: ${report.settings.firstWarmupSec} s + ${report.settings.firstDurationSec} s from ready); gateway JVM options: ` +
        `${report.settings.gatewayJvmOptions ? `\`${report.settings.gatewayJvmOptions}\`` : 'none (default heap)'}; upstream: ${report.settings.upstream}; ` +
        `peer: ${report.settings.peer}; load driver: ${report.settings.loadDriver}.`;
}

/** The scenario table, the answers per second of the fresh starts, and the equivalence of the two gateways' answers. */
function scenarioSection(report) {
    const out = [
        'CPU is the target process\'s utime + stime (with its children) during the measured phase only; RSS is its VmRSS at the end of it. ' +
            '"Others" is the CPU the rest of the machine used meanwhile (not the target, not the load driver): the noise. ' +
            '"req/s per core" is 1000 / CPU ms per request: what one fully available core would serve at that cost.',
        '',
        '| scenario | req/s | req/s per round | req/s per core | p50 ms | p99 ms | non-2xx / errors | CPU s | CPU ms/request | target cores | RSS MiB | upstream reads | load driver cores | others cores | load average |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ];
    for (const r of Object.values(report.scenarios)) {
        out.push(`| ${r.label}${r.readyMs ? ` (ready ${r.readyMs} ms after start, first answer ${r.firstAnswerAfterReadyMs} ms after ready)` : ''} | ${r.rps} | ${r.roundsRps.join(', ')} | ${perCore(r) ?? '-'} | ${r.p50Ms} | ${r.p99Ms} | ${r.non2xx} / ${r.errors + r.timeouts} | ${r.cpuSeconds} | ${r.cpuMsPerRequest} | ${r.targetCores} | ${r.rssMiB} | ${r.upstreamReads ?? 'n/a'} | ${r.loaderCores} | ${r.otherCores} | ${r.loadAverage} |`);
    }
    out.push('');
    for (const r of Object.values(report.scenarios).filter((x) => x.readyMs)) {
        out.push(`${r.label}: answers in each second from ready (${report.settings.firstWarmupSec} s warm-up, then the measured ${report.settings.firstDurationSec} s): ` +
            `${(r.warmup?.perSecond || []).concat(r.perSecond || []).join(', ')}.`);
    }
    out.push('', 'The documents are in `bench/perf/documents/` (the peer\'s are the same reads and leaf values in the shape Mesh generates).');
    if (report.equivalence) {
        for (const [name, diffs] of Object.entries(report.equivalence)) {
            out.push(`Answers to the ${name} documents, gateway vs peer, brought to one shape: ${diffs.length === 0 ? 'the same values' : `different at ${diffs.slice(0, 10).join('; ')}`}.`);
        }
    }
    return out;
}

/** Each recording: where the CPU samples go by part, and the top frames. */
function jfrSection(report) {
    const out = [];
    for (const j of report.jfr || []) {
        out.push('', `JFR of ${j.scenario}: summary in \`${j.summary}\` (under recording: ${j.rps} req/s, ` +
            `${j.allocatedKiBPerRequest ?? '?'} KiB allocated per request). Where the gateway's CPU samples go, then the top frames (self):`, '', '```');
        for (const t of j.byPart.slice(0, 12)) out.push(`${String(t.percent).padStart(5)} %  ${t.frame}`);
        out.push('');
        for (const t of j.topSelf.slice(0, 12)) out.push(`${String(t.percent).padStart(5)} %  ${t.frame}`);
        out.push('```');
    }
    return out;
}

main().catch((e) => {
    console.error(e);
    killAllNow();
    process.exit(1);
});
