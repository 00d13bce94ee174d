// graphql-http's server audit (GraphQL over HTTP spec conformance) against the gateway's /graphql.
// Every MUST and every SHOULD audit has to pass.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { serverAudits } from 'graphql-http';

import { GATEWAY_URL } from './support/env.js';

const audits = serverAudits({ url: GATEWAY_URL });

function describeFailure(result) {
    return `${result.status}: ${result.reason}`;
}

describe('graphql-http server audit', () => {
    for (const audit of audits.filter(({ name }) => name.startsWith('MUST') || name.startsWith('SHOULD'))) {
        test(`${audit.id} ${audit.name}`, async () => {
            const result = await audit.fn();
            assert.equal(result.status, 'ok', describeFailure(result));
        });
    }
});
