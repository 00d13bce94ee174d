// Automatic persisted queries with the real client links: Apollo Client's PersistedQueryLink with
// useGETForHashedQueries, and urql's persistedExchange (queries as GET). Each sends the hash first, the document
// once after PERSISTED_QUERY_NOT_FOUND, and the hash alone from then on; GET answers carry the HTTP caching headers.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';

import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';

import { assertData } from './support/assertions.js';
import * as documents from './support/documents.js';
import { GATEWAY_URL, RUN_ID } from './support/env.js';
import { SITE_OVERVIEW_DATA, SITE_OVERVIEW_VARIABLES } from './support/expected.js';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/**
 * The document under an operation name of this run and client, so that no earlier run (the gateway outlives it)
 * has registered it yet.
 */
function freshDocument(client) {
    return documents.SITE_OVERVIEW.replace('query SiteOverview', `query SiteOverview_${client}_${RUN_ID.replace(/\W/g, '_')}`);
}

/** A fetch that records what each request sent and what came back. */
function recorder() {
    const exchanges = [];
    const recordingFetch = async (url, init = {}) => {
        const target = new URL(String(url));
        const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
        const response = await fetch(url, init);
        exchanges.push({
            method: init.method ?? 'GET',
            query: body ? body.query : target.searchParams.get('query') ?? undefined,
            extensions: body ? body.extensions : JSON.parse(target.searchParams.get('extensions') ?? 'null'),
            status: response.status,
            cacheControl: response.headers.get('cache-control'),
            etag: response.headers.get('etag'),
        });
        return response;
    };
    return { exchanges, fetch: recordingFetch };
}

/** The protocol seen on the wire: a hashed GET missed, the document registered, then hashed GETs answered. */
function assertPersistedProtocol(exchanges, document, registeredWith) {
    const hash = sha256(document);
    const [miss, register, ...hits] = exchanges;
    assert.equal(miss.method, 'GET');
    assert.equal(miss.query, undefined);
    assert.equal(miss.extensions.persistedQuery.sha256Hash, hash);
    assert.equal(miss.status, 400, 'PERSISTED_QUERY_NOT_FOUND is a GraphQL request error');
    assert.equal(miss.cacheControl, 'no-store');
    assert.equal(register.method, registeredWith);
    assert.equal(register.query, document);
    assert.equal(register.extensions.persistedQuery.sha256Hash, hash);
    assert.equal(register.status, 200);
    assert.ok(hits.length > 0);
    for (const hit of hits) {
        assert.deepEqual([hit.method, hit.query, hit.status], ['GET', undefined, 200]);
        assert.match(hit.cacheControl, /^private, max-age=\d+$/);
        assert.match(hit.etag, /^W\/"/);
    }
}

describe('Apollo Client PersistedQueryLink (useGETForHashedQueries)', () => {
    function apollo(fetch) {
        const persisted = new PersistedQueryLink({ sha256, useGETForHashedQueries: true });
        return new ApolloClient({
            link: ApolloLink.from([persisted, new HttpLink({ uri: GATEWAY_URL, fetch })]),
            cache: new InMemoryCache(),
        });
    }

    test('sends the hash as GET, the document once after PERSISTED_QUERY_NOT_FOUND, then the hash alone', async () => {
        const { exchanges, fetch } = recorder();
        const query = gql(freshDocument('apollo'));
        const client = apollo(fetch);

        const first = await client.query({ query, variables: SITE_OVERVIEW_VARIABLES, fetchPolicy: 'network-only' });
        const again = await apollo(fetch).query({ query, variables: SITE_OVERVIEW_VARIABLES, fetchPolicy: 'network-only' });

        assertData(first.data, SITE_OVERVIEW_DATA);
        assertData(again.data, SITE_OVERVIEW_DATA);
        assertPersistedProtocol(exchanges, exchanges[1].query, 'POST');
        assert.equal(exchanges.length, 3);
    });
});

describe('urql persistedExchange', () => {
    function urql(fetch) {
        return new Client({
            url: GATEWAY_URL, requestPolicy: 'network-only', fetch,
            exchanges: [cacheExchange, persistedExchange({ preferGetForPersistedQueries: true }), fetchExchange],
        });
    }

    test('sends the hash as GET, the document once after PersistedQueryNotFound, then the hash alone', async () => {
        const { exchanges, fetch } = recorder();
        const document = freshDocument('urql');

        const first = await urql(fetch).query(document, SITE_OVERVIEW_VARIABLES).toPromise();
        const again = await urql(fetch).query(document, SITE_OVERVIEW_VARIABLES).toPromise();

        assert.equal(first.error, undefined);
        assertData(first.data, SITE_OVERVIEW_DATA);
        assertData(again.data, SITE_OVERVIEW_DATA);
        assertPersistedProtocol(exchanges, exchanges[1].query, 'GET');
        assert.equal(exchanges.length, 3);
    });
});
