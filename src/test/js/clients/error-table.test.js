// The error cases every client file runs cover the whole error table of the README, code for code.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import { ERROR_CODES } from './support/assertions.js';
import { ERROR_CASES } from './support/error-cases.js';

const README = new URL('../../../../README.md', import.meta.url);

test("the suite's error codes are exactly the README's error table", async () => {
    const readme = await readFile(README, 'utf8');
    const errorsSection = readme.split('\n## Errors')[1].split('\n## ')[0];
    const tableCodes = [...errorsSection.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);

    assert.deepEqual([...tableCodes].sort(), [...ERROR_CODES].sort());
});

test('every code of the error table has at least one error case', () => {
    const covered = new Set(ERROR_CASES.map(({ code }) => code));

    assert.deepEqual(ERROR_CODES.filter((code) => !covered.has(code)), []);
});
