// One load measurement with autocannon: warm-up, then the measured phase, with the target process's CPU
// and memory read from /proc around the measured phase.
import autocannon from 'autocannon';
import { CLK_TCK, cpuTicks, loadAverage, machineTicks, rssMiB } from './proc.mjs';

/** A GraphQL answer that carries data and no error (the peer reports upstream failures as `error` fields). */
export function goodGraphQLAnswer(body) {
    return typeof body === 'string' && body.includes('"data"') && !body.includes('"errors"') && !body.includes('"error"');
}

/** Runs autocannon; the result gains firstAnswerMs: milliseconds from the start to the first answer. */
function runAutocannon(options, onResponse) {
    return new Promise((resolve, reject) => {
        const started = performance.now();
        let firstAnswerMs = null;
        const instance = autocannon({ ...options, renderProgressBar: false, renderLatencyTable: false, renderResultsTable: false },
            (error, result) => (error ? reject(error) : resolve({ ...result, firstAnswerMs })));
        instance.once('response', () => {
            firstAnswerMs = Math.round(performance.now() - started);
        });
        if (onResponse) instance.on('response', onResponse);
    });
}

function percentile(sorted, p) {
    if (sorted.length === 0) return 0;
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function ownTicks() {
    const usage = process.cpuUsage();
    return ((usage.user + usage.system) / 1e6) * CLK_TCK;
}

function target(o) {
    return {
        url: o.url,
        method: o.method || (o.body ? 'POST' : 'GET'),
        body: o.body,
        headers: o.headers || {},
        connections: o.connections,
    };
}

/**
 * Warm-up: load that is not measured; its answers are checked with o.verify (mismatches are reported).
 *
 * @param {object} o  url, method, body, headers, connections, seconds, verify
 */
export async function warmUp(o) {
    const perSecond = [];
    const started = performance.now();
    const w = await runAutocannon({ ...target(o), duration: o.seconds, verifyBody: o.verify }, () => {
        const second = Math.floor((performance.now() - started) / 1000);
        perSecond[second] = (perSecond[second] || 0) + 1;
    });
    return {
        seconds: o.seconds,
        requests: w.requests.total,
        rps: round(w.requests.total / w.duration, 1),
        non2xx: w.non2xx,
        errors: w.errors + w.timeouts,
        mismatches: w.mismatches || 0,
        firstAnswerMs: w.firstAnswerMs,
        perSecond: Array.from(perSecond, (n) => n || 0),
    };
}

/**
 * One measured phase of closed-loop load (autocannon: one request in flight per connection), with the
 * target process's CPU ticks (and its children's) read just before and after, and its RSS at the end.
 * Raw figures: summarise() turns one or more rounds into the reported ones.
 *
 * @param {object} o  url, method, body, headers, connections, seconds, pid (the target process), and
 *                    optionally around: async () => async () => value, called just before the phase; the
 *                    function it returns is called just after and its value is kept as `around`
 */
export async function measureRound(o) {
    // Latencies with sub-millisecond resolution (autocannon's own histogram keeps whole milliseconds).
    let latencies = new Float64Array(1 << 16);
    let count = 0;
    // Answers per whole second since the phase started: how a fresh process warms up.
    const perSecond = [];
    let phaseStart = null;
    const record = (_client, _status, _bytes, responseTime) => {
        const second = Math.floor((performance.now() - phaseStart) / 1000);
        perSecond[second] = (perSecond[second] || 0) + 1;
        if (count === latencies.length) {
            const bigger = new Float64Array(latencies.length * 2);
            bigger.set(latencies);
            latencies = bigger;
        }
        latencies[count++] = responseTime;
    };
    const load = loadAverage();
    const afterMeasure = o.around ? await o.around() : null;
    const targetBefore = cpuTicks(o.pid);
    const machineBefore = machineTicks();
    const loaderBefore = ownTicks();
    phaseStart = performance.now();
    const result = await runAutocannon({ ...target(o), duration: o.seconds }, record);
    const targetTicks = cpuTicks(o.pid) - targetBefore;
    const machineAfter = machineTicks();
    const loaderTicks = ownTicks() - loaderBefore;
    const rss = rssMiB(o.pid);
    return {
        seconds: result.duration,
        requests: result.requests.total,
        latencies: latencies.subarray(0, count),
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        targetTicks,
        loaderTicks,
        busyTicks: machineAfter.busy - machineBefore.busy,
        rss,
        firstAnswerMs: result.firstAnswerMs,
        perSecond: Array.from(perSecond, (n) => n || 0),
        around: afterMeasure ? await afterMeasure() : null,
        loadAverage: load,
    };
}

/** The reported figures of one or more measured rounds of the same scenario (sums, merged latencies, last RSS). */
export function summarise(rounds, connections) {
    const sum = (key) => rounds.reduce((a, r) => a + r[key], 0);
    const seconds = sum('seconds');
    const requests = sum('requests');
    const targetTicks = sum('targetTicks');
    const merged = new Float64Array(rounds.reduce((a, r) => a + r.latencies.length, 0));
    let at = 0;
    for (const r of rounds) {
        merged.set(r.latencies, at);
        at += r.latencies.length;
    }
    const sorted = merged.sort();
    const cpuSeconds = targetTicks / CLK_TCK;
    const arounds = rounds.map((r) => r.around);
    return {
        connections,
        rounds: rounds.length,
        durationSec: round(seconds, 2),
        requests,
        rps: round(requests / seconds, 1),
        p50Ms: round(percentile(sorted, 50), 2),
        p99Ms: round(percentile(sorted, 99), 2),
        maxMs: round(sorted.length ? sorted[sorted.length - 1] : 0, 2),
        non2xx: sum('non2xx'),
        errors: sum('errors'),
        timeouts: sum('timeouts'),
        cpuSeconds: round(cpuSeconds, 2),
        cpuMsPerRequest: requests > 0 ? round((cpuSeconds * 1000) / requests, 4) : null,
        // Cores the target kept busy on average; the load driver's and everyone else's, for judging noise.
        targetCores: round(cpuSeconds / seconds, 2),
        loaderCores: round(sum('loaderTicks') / CLK_TCK / seconds, 2),
        otherCores: round(Math.max(0, sum('busyTicks') - targetTicks - sum('loaderTicks')) / CLK_TCK / seconds, 2),
        rssMiB: Math.round(rounds[rounds.length - 1].rss),
        firstAnswerMs: rounds[0].firstAnswerMs,
        around: arounds.includes(null) ? null : arounds.reduce((a, b) => a + b, 0),
        // Requests per second of each round: how steady the figure was.
        roundsRps: rounds.map((r) => round(r.requests / r.seconds, 1)),
        perSecond: rounds.length === 1 ? rounds[0].perSecond : undefined,
        loadAverage: rounds[0].loadAverage,
    };
}

/** Warm-up then one measured phase (o.warmupSec, o.durationSec; see warmUp and measureRound). */
export async function measure(o) {
    const warmup = o.warmupSec > 0 ? await warmUp({ ...o, seconds: o.warmupSec }) : null;
    const result = summarise([await measureRound({ ...o, seconds: o.durationSec })], o.connections);
    return { ...result, warmupSec: o.warmupSec, warmup };
}

export function round(value, digits) {
    const f = 10 ** digits;
    return Math.round(value * f) / f;
}
