// urql (@urql/core 6) against the gateway: every result is { data, error } where error is urql's
// CombinedError, holding the GraphQL errors (graphQLErrors) or the HTTP failure (networkError, response).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Client, CombinedError, cacheExchange, fetchExchange } from '@urql/core';

import { assertCodedErrors, assertData, errorAt } from './support/assertions.js';
import * as documents from './support/documents.js';
import { GATEWAY_URL } from './support/env.js';
import { ERROR_CASES } from './support/error-cases.js';
import {
    ALL_SITES_DATA, SITE_OVERVIEW_DATA, SITE_OVERVIEW_VARIABLES, SITE_OVERVIEW_WITHOUT_HITS_DATA,
} from './support/expected.js';
import {
    assertHitSentOnceWithForwardedKey, assertKudoSentOnceWithServerKey, expectedGiveKudo, expectedTrackHit,
    giveKudoVariables, trackHitVariables,
} from './support/mutations.js';
import { assertInsightsRefusedAlone, assertThreeFieldsFailAlone } from './support/partial-data.js';
import { SITES, keys } from './support/scenarios.js';

const CLIENT = 'urql';

/** HTTP methods of the requests urql made, newest last. */
const methods = [];

function recordingFetch(url, init) {
    methods.push(init?.method ?? 'GET');
    return fetch(url, init);
}

/** urql as a frontend sets it up: its defaults send queries as GET (within the URL limit), mutations as POST. */
function urqlClient(options = {}) {
    return new Client({
        url: GATEWAY_URL, exchanges: [cacheExchange, fetchExchange], requestPolicy: 'network-only',
        fetch: recordingFetch, ...options,
    });
}

/** urql's per-operation context: fetchOptions are merged into the fetch call. */
function forwarding(key) {
    return key ? { fetchOptions: { headers: { Authorization: `Bearer ${key}` } } } : {};
}

async function operate(client, document, variables, key) {
    const run = document.trimStart().startsWith('mutation') ? client.mutation : client.query;
    return run.call(client, document, variables, forwarding(key)).toPromise();
}

describe('urql', () => {
    test('a query with variables, named fragments and inline fragments, sent as GET', async () => {
        const { data, error } = await operate(urqlClient(), documents.SITE_OVERVIEW, SITE_OVERVIEW_VARIABLES);

        assert.equal(error, undefined);
        assertData(data, SITE_OVERVIEW_DATA);
        assert.equal(methods.at(-1), 'GET');
    });

    test('an inline fragment whose @include variable is false is left out', async () => {
        const { data } = await operate(urqlClient(), documents.SITE_OVERVIEW,
            { ...SITE_OVERVIEW_VARIABLES, withHits: false });

        assertData(data, SITE_OVERVIEW_WITHOUT_HITS_DATA);
    });

    test('a list of sites through a named fragment', async () => {
        const { data, error } = await operate(urqlClient(), documents.ALL_SITES, {});

        assert.equal(error, undefined);
        assertData(data, ALL_SITES_DATA);
    });

    test('the same query over POST (preferGetMethod: false) answers the same', async () => {
        const { data, error } = await operate(urqlClient({ preferGetMethod: false }), documents.SITE_OVERVIEW,
            SITE_OVERVIEW_VARIABLES);

        assert.equal(error, undefined);
        assertData(data, SITE_OVERVIEW_DATA);
        assert.equal(methods.at(-1), 'POST');
    });

    test('partial data: the label answers while insights fail alone with SUBSCRIPTION_REQUIRED', async () => {
        const { data, error } = await operate(urqlClient(), documents.SITE_INSIGHTS, { id: SITES.noSubscription });

        assert.ok(error instanceof CombinedError, `expected a CombinedError, got ${error}`);
        assert.equal(error.networkError, undefined);
        assertInsightsRefusedAlone(data, error.graphQLErrors);
    });

    test('partial data: hits 500, kudos 429 and a leaderboard that is not JSON fail at their own paths', async () => {
        const { data, error } = await operate(urqlClient(), documents.FLAKY_SITE, { id: SITES.failing },
            keys.reader(CLIENT, 'flaky'));

        assert.ok(error instanceof CombinedError, `expected a CombinedError, got ${error}`);
        assertThreeFieldsFailAlone(data, error.graphQLErrors);
    });

    test('a document that fails validation is a request error: GraphQL errors and no data', async () => {
        const { data, error } = await operate(urqlClient(), documents.UNKNOWN_FIELD, {});

        assert.ok(error instanceof CombinedError, `expected a CombinedError, got ${error}`);
        assert.equal(error.networkError, undefined);
        assert.match(error.graphQLErrors[0].message, /nope/);
        assert.equal(data, undefined);
    });

    describe('every code of the error table', () => {
        for (const errorCase of ERROR_CASES) {
            test(`${errorCase.code}: ${errorCase.title}`, async () => {
                const { data, error } = await operate(urqlClient(), errorCase.document, errorCase.variables,
                    errorCase.key?.(CLIENT));

                assert.ok(error instanceof CombinedError, `expected a CombinedError, got ${error}`);
                assert.equal(error.networkError, undefined, `unexpected network error: ${error.networkError}`);
                assertCodedErrors(error.graphQLErrors);
                const coded = errorAt(error.graphQLErrors, errorCase.path);
                assert.equal(coded.extensions.code, errorCase.code);
                await errorCase.check?.(coded);
                assertData(data, errorCase.data);
            });
        }
    });

    describe('mutations', () => {
        test('giveKudo with the server write key creates the kudo upstream exactly once', async () => {
            const { data, error } = await operate(urqlClient(), documents.GIVE_KUDO, giveKudoVariables(CLIENT));

            assert.equal(error, undefined);
            assert.equal(methods.at(-1), 'POST');
            assertData(data, expectedGiveKudo(CLIENT));
            await assertKudoSentOnceWithServerKey(CLIENT);
        });

        test("trackHit with the caller's forwarded key sends that key and the hit upstream exactly once", async () => {
            const { data, error } = await operate(urqlClient(), documents.TRACK_HIT, trackHitVariables(CLIENT),
                keys.fullAccess(CLIENT));

            assert.equal(error, undefined);
            assertData(data, expectedTrackHit(CLIENT));
            await assertHitSentOnceWithForwardedKey(CLIENT);
        });
    });
});
