// graphql-ws 6 against the gateway's GraphQL over WebSocket (graphql-transport-ws on the same /graphql): a live
// dashboard's siteUpdates subscription, the coded errors it can end with, and an unsubscribe that leaves nothing
// open on the gateway. Node 20 has no global WebSocket: the client is given the ws package's.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

import { assertCodedErrors } from './support/assertions.js';
import { GATEWAY_URL } from './support/env.js';
import { LABELS, SITES, keys } from './support/scenarios.js';
import { bearer, countRequests } from './support/upstream.js';

const CLIENT = 'graphql-ws';
const WS_URL = GATEWAY_URL.replace(/^http/, 'ws');
const SITE_UPDATES = 'subscription Live($id: ID!) { siteUpdates(id: $id) { id label lifetimeKudos } }';

/** A graphql-ws client as a dashboard creates one; no retries, so a refusal surfaces at once. */
function wsClient(connectionParams) {
    return createClient({ url: WS_URL, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
}

/** Every result of a subscription until the gateway completes it, or what it failed with. */
async function allResults(client, payload) {
    const results = [];
    try {
        for await (const result of client.iterate(payload)) {
            results.push(result);
        }
        return { results };
    } catch (failure) {
        return { results, failure };
    }
}

/** The first result of a subscription; leaving the loop unsubscribes (graphql-ws sends complete). */
async function firstResult(client, payload) {
    for await (const result of client.iterate(payload)) {
        return result;
    }
    return assert.fail('the subscription completed without a result');
}

/** A gauge of the gateway's /q/metrics, e.g. gateway_websocket_operations. */
async function gauge(name) {
    const metrics = await (await fetch(new URL('/q/metrics', GATEWAY_URL))).text();
    const line = metrics.split('\n').find((l) => l.startsWith(`${name} `));
    assert.ok(line, `/q/metrics has no ${name}`);
    return Number(line.split(' ').pop());
}

async function eventually(check, what) {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
        assert.ok(Date.now() < deadline, `${what} within 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

describe('graphql-ws', () => {
    test('siteUpdates sends the site at once, with the selected fields only', async () => {
        const client = wsClient();
        try {
            const result = await firstResult(client, { query: SITE_UPDATES, variables: { id: SITES.ok } });

            assert.equal(result.errors, undefined, JSON.stringify(result.errors));
            assert.deepEqual(result.data, { siteUpdates: { id: SITES.ok, label: LABELS[SITES.ok], lifetimeKudos: 87 } });
        } finally {
            await client.dispose();
        }
    });

    test('the key in connectionParams is the one used upstream', async () => {
        const key = keys.reader(CLIENT, 'live');
        const client = wsClient({ Authorization: `Bearer ${key}` });
        try {
            const result = await firstResult(client, { query: SITE_UPDATES, variables: { id: SITES.ok } });

            assert.equal(result.data.siteUpdates.label, LABELS[SITES.ok]);
            // A live site is read from the key's site list: one read for all the sites a dashboard watches.
            assert.equal(await countRequests({ method: 'GET', urlPath: '/api/v1/sites', headers: bearer(key) }), 1);
        } finally {
            await client.dispose();
        }
    });

    test('an unknown site is null with NOT_FOUND, and the gateway completes the subscription', async () => {
        const client = wsClient();
        try {
            const { results, failure } = await allResults(client, { query: SITE_UPDATES, variables: { id: '404404' } });

            assert.equal(failure, undefined, `the subscription failed: ${JSON.stringify(failure)}`);
            assert.equal(results.length, 1);
            assert.deepEqual(results[0].data, { siteUpdates: null });
            assertCodedErrors(results[0].errors);
            assert.equal(results[0].errors[0].extensions.code, 'NOT_FOUND');
            assert.deepEqual(results[0].errors[0].path, ['siteUpdates']);
        } finally {
            await client.dispose();
        }
    });

    test('a key upstream refuses is null with UNAUTHENTICATED', async () => {
        const client = wsClient({ Authorization: `Bearer ${keys.revoked(CLIENT)}` });
        try {
            const { results } = await allResults(client, { query: SITE_UPDATES, variables: { id: SITES.ok } });

            assert.deepEqual(results[0].data, { siteUpdates: null });
            assertCodedErrors(results[0].errors);
            assert.equal(results[0].errors[0].extensions.code, 'UNAUTHENTICATED');
        } finally {
            await client.dispose();
        }
    });

    test('a malformed key is refused: the gateway closes the connection with 4403 Forbidden', async () => {
        const client = wsClient({ Authorization: 'Token not-a-bearer' });
        try {
            const { results, failure } = await allResults(client, { query: SITE_UPDATES, variables: { id: SITES.ok } });

            assert.deepEqual(results, []);
            assert.equal(failure?.code, 4403, `expected a close with 4403, got ${JSON.stringify(failure)}`);
            assert.match(failure.reason, /^Forbidden: .*malformed/);
        } finally {
            await client.dispose();
        }
    });

    test('everySeconds below 30 is an error message with BAD_USER_INPUT', async () => {
        const client = wsClient();
        try {
            const { results, failure } = await allResults(client,
                { query: 'subscription { siteUpdates(id: "456", everySeconds: 5) { label } }' });

            assert.deepEqual(results, []);
            assert.ok(Array.isArray(failure), `expected GraphQL errors, got ${JSON.stringify(failure)}`);
            assertCodedErrors(failure);
            assert.equal(failure[0].extensions.code, 'BAD_USER_INPUT');
        } finally {
            await client.dispose();
        }
    });

    test('a query over the socket is answered once and completes', async () => {
        const client = wsClient();
        try {
            const { results, failure } = await allResults(client,
                { query: 'query Site($id: ID!) { site(id: $id) { label } }', variables: { id: SITES.ok } });

            assert.equal(failure, undefined);
            assert.deepEqual(results, [{ data: { site: { label: LABELS[SITES.ok] } } }]);
        } finally {
            await client.dispose();
        }
    });

    test('unsubscribing completes cleanly and leaves no connection or operation on the gateway', async () => {
        const client = wsClient();
        const received = [];
        let completed = false;
        await new Promise((resolve, reject) => {
            const unsubscribe = client.subscribe({ query: SITE_UPDATES, variables: { id: SITES.ok } }, {
                next: (result) => {
                    received.push(result);
                    unsubscribe();
                },
                error: reject,
                complete: () => {
                    completed = true;
                    resolve();
                },
            });
        });
        await client.dispose();

        assert.equal(received.length, 1);
        assert.ok(completed, 'the sink was completed');
        await eventually(async () => (await gauge('gateway_websocket_operations')) === 0
            && (await gauge('gateway_websocket_connections')) === 0, 'the gateway holds no WebSocket operation or connection');
    });
});
