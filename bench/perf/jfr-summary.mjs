// node bench/perf/jfr-summary.mjs RECORDING.jfr REQUESTS OUT.txt: the summary bench/perf/lib/jfr.mjs makes of a
// recording (bench/run uses it for the uncached read it records itself).
import { writeFileSync } from 'node:fs';
import { summariseJfr } from './lib/jfr.mjs';

const [file, requests, out] = process.argv.slice(2);
if (!file || !requests || !out) {
    console.error('usage: node bench/perf/jfr-summary.mjs RECORDING.jfr REQUESTS OUT.txt');
    process.exit(2);
}
const summary = summariseJfr(file, Number(requests));
writeFileSync(out, `${summary.text}\n`);
