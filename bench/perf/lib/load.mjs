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

/**
 * Closed-loop load on one target.
 *
 * @param {object} o
 * @param {string} o.url            target URL
 * @param {string} [o.method]       POST when a body is given, GET otherwise
 * @param {string} [o.body]         request body
 * @param {object} [o.headers]      request headers
 * @param {number} o.connections    concurrent connections (autocannon's closed loop: one request in flight each)
 * @param {number} o.warmupSec      warm-up seconds (not measured; its answers are checked with o.verify)
 * @param {number} o.durationSec    measured seconds
 * @param {number} o.pid            the target process whose CPU and RSS are read (with its children)
 * @param {function} [o.verify]     body check for the warm-up's answers (mismatches are reported)
 * @param {function} [o.around]     async () => async () => value: called just before the measured phase, the
 *                                  function it returns just after; the value is reported as `around`
 * @returns {Promise<object>} requests/s, latency, failures, CPU and RSS of the measured phase
 */
export async function measure(o) {
    const base = {
        url: o.url,
        method: o.method || (o.body ? 'POST' : 'GET'),
        body: o.body,
        headers: o.headers || {},
        connections: o.connections,
    };
    let warmup = null;
    if (o.warmupSec > 0) {
        const w = await runAutocannon({ ...base, duration: o.warmupSec, verifyBody: o.verify });
        warmup = { requests: w.requests.total, rps: round(w.requests.total / w.duration, 1), non2xx: w.non2xx, errors: w.errors + w.timeouts, mismatches: w.mismatches || 0, firstAnswerMs: w.firstAnswerMs };
    }

    // Latencies with sub-millisecond resolution (autocannon's own histogram keeps whole milliseconds).
    let latencies = new Float64Array(1 << 16);
    let count = 0;
    const record = (_client, _status, _bytes, responseTime) => {
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
    const result = await runAutocannon({ ...base, duration: o.durationSec }, record);
    const targetTicks = cpuTicks(o.pid) - targetBefore;
    const machineAfter = machineTicks();
    const loaderTicks = ownTicks() - loaderBefore;
    const rss = rssMiB(o.pid);
    const around = afterMeasure ? await afterMeasure() : null;

    const seconds = result.duration;
    const requests = result.requests.total;
    const sorted = latencies.subarray(0, count).sort();
    const busyTicks = machineAfter.busy - machineBefore.busy;
    const cpuSeconds = targetTicks / CLK_TCK;
    return {
        connections: o.connections,
        warmupSec: o.warmupSec,
        durationSec: round(seconds, 2),
        requests,
        rps: round(requests / seconds, 1),
        p50Ms: round(percentile(sorted, 50), 2),
        p99Ms: round(percentile(sorted, 99), 2),
        maxMs: round(count ? sorted[count - 1] : 0, 2),
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        cpuSeconds: round(cpuSeconds, 2),
        cpuMsPerRequest: requests > 0 ? round((cpuSeconds * 1000) / requests, 4) : null,
        // Cores the target kept busy on average; the load driver's and everyone else's, for judging noise.
        targetCores: round(cpuSeconds / seconds, 2),
        loaderCores: round(loaderTicks / CLK_TCK / seconds, 2),
        otherCores: round(Math.max(0, busyTicks - targetTicks - loaderTicks) / CLK_TCK / seconds, 2),
        rssMiB: Math.round(rss),
        firstAnswerMs: result.firstAnswerMs,
        around,
        loadAverage: load,
        warmup,
    };
}

export function round(value, digits) {
    const f = 10 ** digits;
    return Math.round(value * f) / f;
}
