// Apollo Client 4 (core, no React) against the gateway: results and errors as Apollo surfaces them,
// i.e. { data, error } with a CombinedGraphQLErrors under errorPolicy 'all', a rejection otherwise.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';

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

const CLIENT = 'apollo';

function apolloClient() {
    return new ApolloClient({ link: new HttpLink({ uri: GATEWAY_URL }), cache: new InMemoryCache() });
}

/** Apollo's per-operation context: HttpLink adds these headers to the request. */
function forwarding(key) {
    return key ? { headers: { Authorization: `Bearer ${key}` } } : {};
}

/** Runs a query or a mutation with errorPolicy 'all', so data and error come back together. */
async function operate(client, document, variables, key) {
    const options = { variables, context: forwarding(key), errorPolicy: 'all' };
    const parsed = gql(document);
    return document.trimStart().startsWith('mutation')
        ? client.mutate({ mutation: parsed, ...options })
        : client.query({ query: parsed, fetchPolicy: 'no-cache', ...options });
}

describe('Apollo Client', () => {
    test('a query with variables, named fragments and inline fragments', async () => {
        const { data, error } = await apolloClient().query({
            query: gql(documents.SITE_OVERVIEW), variables: SITE_OVERVIEW_VARIABLES,
        });

        assert.equal(error, undefined);
        assertData(data, SITE_OVERVIEW_DATA);
    });

    test('an inline fragment whose @include variable is false is left out', async () => {
        const { data } = await apolloClient().query({
            query: gql(documents.SITE_OVERVIEW), variables: { ...SITE_OVERVIEW_VARIABLES, withHits: false },
        });

        assertData(data, SITE_OVERVIEW_WITHOUT_HITS_DATA);
    });

    test('the normalized cache keeps sites by __typename and id, so a fragment reads back without a request', async () => {
        const client = apolloClient();
        await client.query({ query: gql(documents.ALL_SITES) });

        const cached = client.readFragment({
            id: client.cache.identify({ __typename: 'Site', id: SITES.ok }),
            fragment: gql`fragment Label on Site { label }`,
        });

        assert.equal(cached?.label, 'My Blog');
        assertData((await client.query({ query: gql(documents.ALL_SITES), fetchPolicy: 'cache-only' })).data,
            ALL_SITES_DATA);
    });

    test('partial data: the label answers while insights fail alone with SUBSCRIPTION_REQUIRED', async () => {
        const { data, error } = await operate(apolloClient(), documents.SITE_INSIGHTS, { id: SITES.noSubscription });

        assert.ok(CombinedGraphQLErrors.is(error), `expected CombinedGraphQLErrors, got ${error}`);
        assertInsightsRefusedAlone(data, error.errors);
    });

    test('partial data: hits 500, kudos 429 and a leaderboard that is not JSON fail at their own paths', async () => {
        const { data, error } = await operate(apolloClient(), documents.FLAKY_SITE, { id: SITES.failing },
            keys.reader(CLIENT, 'flaky'));

        assert.ok(CombinedGraphQLErrors.is(error), `expected CombinedGraphQLErrors, got ${error}`);
        assertThreeFieldsFailAlone(data, error.errors);
    });

    test("with the default errorPolicy a coded error rejects the query with CombinedGraphQLErrors", async () => {
        const rejection = await apolloClient().query({
            query: gql(documents.SITE_INSIGHTS), variables: { id: SITES.noSubscription }, fetchPolicy: 'no-cache',
        }).then(() => undefined, (error) => error);

        assert.ok(CombinedGraphQLErrors.is(rejection), `expected a CombinedGraphQLErrors rejection, got ${rejection}`);
        assert.equal(errorAt(rejection.errors, ['site', 'insights']).extensions.code, 'SUBSCRIPTION_REQUIRED');
    });

    test('a document that fails validation is a request error: GraphQL errors and no data', async () => {
        const { data, error } = await operate(apolloClient(), documents.UNKNOWN_FIELD, {});

        assert.ok(CombinedGraphQLErrors.is(error), `expected CombinedGraphQLErrors, got ${error}`);
        assert.match(error.errors[0].message, /nope/);
        assert.equal(data, undefined);
    });

    describe('every code of the error table', () => {
        for (const errorCase of ERROR_CASES) {
            test(`${errorCase.code}: ${errorCase.title}`, async () => {
                const { data, error } = await operate(apolloClient(), errorCase.document, errorCase.variables,
                    errorCase.key?.(CLIENT));

                assert.ok(CombinedGraphQLErrors.is(error), `expected CombinedGraphQLErrors, got ${error}`);
                assertCodedErrors(error.errors);
                const coded = errorAt(error.errors, errorCase.path);
                assert.equal(coded.extensions.code, errorCase.code);
                await errorCase.check?.(coded);
                assertData(data, errorCase.data);
            });
        }
    });

    describe('mutations', () => {
        test('giveKudo with the server write key creates the kudo upstream exactly once', async () => {
            const { data } = await apolloClient().mutate({
                mutation: gql(documents.GIVE_KUDO), variables: giveKudoVariables(CLIENT),
            });

            assertData(data, expectedGiveKudo(CLIENT));
            await assertKudoSentOnceWithServerKey(CLIENT);
        });

        test("trackHit with the caller's forwarded key sends that key and the hit upstream exactly once", async () => {
            const { data } = await apolloClient().mutate({
                mutation: gql(documents.TRACK_HIT), variables: trackHitVariables(CLIENT),
                context: forwarding(keys.fullAccess(CLIENT)),
            });

            assertData(data, expectedTrackHit(CLIENT));
            await assertHitSentOnceWithForwardedKey(CLIENT);
        });
    });
});
