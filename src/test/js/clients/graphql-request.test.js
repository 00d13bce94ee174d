// graphql-request 7 against the gateway: request() resolves to data or throws a ClientError holding the
// whole response (errors, partial data, HTTP status); with errorPolicy 'all', rawRequest() returns both.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ClientError, GraphQLClient } from 'graphql-request';

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

const CLIENT = 'graphql-request';

function forwarding(key) {
    return key ? { Authorization: `Bearer ${key}` } : {};
}

/** What request() threw; fails the test when it resolved instead. */
async function rejectionOf(promise) {
    const outcome = await promise.then((data) => ({ data }), (error) => ({ error }));
    assert.ok(outcome.error, `expected a ClientError, got data ${JSON.stringify(outcome.data)}`);
    return outcome.error;
}

describe('graphql-request', () => {
    test('a query with variables, named fragments and inline fragments', async () => {
        const data = await new GraphQLClient(GATEWAY_URL).request(documents.SITE_OVERVIEW, SITE_OVERVIEW_VARIABLES);

        assertData(data, SITE_OVERVIEW_DATA);
    });

    test('an inline fragment whose @include variable is false is left out', async () => {
        const data = await new GraphQLClient(GATEWAY_URL).request(documents.SITE_OVERVIEW,
            { ...SITE_OVERVIEW_VARIABLES, withHits: false });

        assertData(data, SITE_OVERVIEW_WITHOUT_HITS_DATA);
    });

    test('a list of sites through a named fragment', async () => {
        assertData(await new GraphQLClient(GATEWAY_URL).request(documents.ALL_SITES), ALL_SITES_DATA);
    });

    test('partial data: the label answers while insights fail alone with SUBSCRIPTION_REQUIRED', async () => {
        const client = new GraphQLClient(GATEWAY_URL, { errorPolicy: 'all' });
        const { data, errors, status } = await client.rawRequest(documents.SITE_INSIGHTS, { id: SITES.noSubscription });

        assert.equal(status, 200);
        assertInsightsRefusedAlone(data, errors);
    });

    test('partial data: hits 500, kudos 429 and a leaderboard that is not JSON fail at their own paths', async () => {
        const client = new GraphQLClient(GATEWAY_URL, { errorPolicy: 'all' });
        const { data, errors } = await client.rawRequest(documents.FLAKY_SITE, { id: SITES.failing },
            forwarding(keys.reader(CLIENT, 'flaky')));

        assertThreeFieldsFailAlone(data, errors);
    });

    test('with the default errorPolicy the partial data travels inside the ClientError', async () => {
        const error = await rejectionOf(new GraphQLClient(GATEWAY_URL)
            .request(documents.SITE_INSIGHTS, { id: SITES.noSubscription }));

        assert.ok(error instanceof ClientError, `expected a ClientError, got ${error}`);
        assertInsightsRefusedAlone(error.response.data, error.response.errors);
    });

    test('a document that fails validation is a request error: a ClientError without data', async () => {
        const error = await rejectionOf(new GraphQLClient(GATEWAY_URL).request(documents.UNKNOWN_FIELD));

        assert.ok(error instanceof ClientError, `expected a ClientError, got ${error}`);
        assert.match(error.response.errors[0].message, /nope/);
        assert.equal(error.response.data, undefined);
    });

    describe('every code of the error table', () => {
        for (const errorCase of ERROR_CASES) {
            test(`${errorCase.code}: ${errorCase.title}`, async () => {
                const error = await rejectionOf(new GraphQLClient(GATEWAY_URL).request({
                    document: errorCase.document, variables: errorCase.variables,
                    requestHeaders: forwarding(errorCase.key?.(CLIENT)),
                }));

                assert.ok(error instanceof ClientError, `expected a ClientError, got ${error}`);
                assertCodedErrors(error.response.errors);
                const coded = errorAt(error.response.errors, errorCase.path);
                assert.equal(coded.extensions.code, errorCase.code);
                await errorCase.check?.(coded);
                assertData(error.response.data, errorCase.data);
            });
        }
    });

    describe('mutations', () => {
        test('giveKudo with the server write key creates the kudo upstream exactly once', async () => {
            const data = await new GraphQLClient(GATEWAY_URL).request(documents.GIVE_KUDO, giveKudoVariables(CLIENT));

            assertData(data, expectedGiveKudo(CLIENT));
            await assertKudoSentOnceWithServerKey(CLIENT);
        });

        test("trackHit with the caller's forwarded key sends that key and the hit upstream exactly once", async () => {
            const client = new GraphQLClient(GATEWAY_URL, { headers: forwarding(keys.fullAccess(CLIENT)) });
            const data = await client.request(documents.TRACK_HIT, trackHitVariables(CLIENT));

            assertData(data, expectedTrackHit(CLIENT));
            await assertHitSentOnceWithForwardedKey(CLIENT);
        });
    });
});
