// A variable whose value does not coerce to its declared type is a request error (GraphQL spec, "Coercing
// Variable Values"; docs/errors.md#request-errors: nothing is executed): errors and no data at all. SmallRye's own
// scalars are lenient (an ID! given an object, a boolean or a float; an Int given "abc"); the gateway checks strictly
// first.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Client, CombinedError, fetchExchange } from '@urql/core';
import { ClientError, GraphQLClient } from 'graphql-request';

import * as documents from './support/documents.js';
import { GATEWAY_URL } from './support/env.js';

const BADLY_TYPED = [
    { title: 'an object for ID!', document: documents.SITE_LABEL, variables: { id: { id: 456 } } },
    { title: 'a boolean for ID!', document: documents.SITE_LABEL, variables: { id: true } },
    { title: 'a float for ID!', document: documents.SITE_LABEL, variables: { id: 456.5 } },
    { title: 'a string for Int', document: documents.SITE_HITS_PAGE, variables: { perPage: 'abc' } },
];

/** Each client library's answer reduced to what it surfaced: its GraphQL errors and its data. */
const CLIENTS = {
    async 'Apollo Client'(document, variables) {
        const client = new ApolloClient({ link: new HttpLink({ uri: GATEWAY_URL }), cache: new InMemoryCache() });
        const { data, error } = await client.query({
            query: gql(document), variables, fetchPolicy: 'no-cache', errorPolicy: 'all',
        });
        assert.ok(CombinedGraphQLErrors.is(error), `expected CombinedGraphQLErrors, got ${error}`);
        return { errors: error.errors, data };
    },
    async urql(document, variables) {
        const client = new Client({ url: GATEWAY_URL, exchanges: [fetchExchange], preferGetMethod: false });
        const { data, error } = await client.query(document, variables).toPromise();
        assert.ok(error instanceof CombinedError, `expected a CombinedError, got ${error}`);
        return { errors: error.graphQLErrors, data };
    },
    async 'graphql-request'(document, variables) {
        const error = await new GraphQLClient(GATEWAY_URL).request(document, variables).then(() => undefined, (e) => e);
        assert.ok(error instanceof ClientError, `expected a ClientError, got ${error}`);
        return { errors: error.response.errors, data: error.response.data };
    },
};

for (const [name, surface] of Object.entries(CLIENTS)) {
    describe(`${name}: a badly typed variable is a request error`, () => {
        for (const { title, document, variables } of BADLY_TYPED) {
            test(`${title}: GraphQL errors and no data`, async () => {
                const { errors, data } = await surface(document, variables);

                assert.ok(errors.length > 0, 'expected GraphQL errors');
                assert.equal(data, undefined, `executed anyway, data: ${JSON.stringify(data)}`);
            });
        }
    });
}
