// One request per code of the gateway's error table, with what a client must receive: the coded error at
// its path, any extra extensions, and the data that still answers beside it (contract v1.1: a failing
// upstream-backed field is null alone, its site stays).

import assert from 'node:assert/strict';

import * as documents from './documents.js';
import { KUDO_VALIDATION_ERRORS, RETRY_AFTER_SECONDS, SITES, UNKNOWN_KUDO_UID, keys } from './scenarios.js';
import { countRequests } from './upstream.js';

export const ERROR_CASES = [
    {
        code: 'BAD_USER_INPUT',
        title: 'an argument the gateway rejects (perPage: 0), with no upstream call',
        document: documents.SITE_HITS,
        variables: { id: SITES.ok, perPage: 0 },
        path: ['site', 'hits'],
        data: { site: { id: SITES.ok, label: 'My Blog', hits: null } },
        async check(error) {
            assert.match(error.message, /perPage/);
            const sent = await countRequests({
                method: 'GET', urlPath: `/api/v1/sites/${SITES.ok}/hits`, queryParameters: { per_page: { equalTo: '0' } },
            });
            assert.equal(sent, 0, 'a rejected argument must not reach upstream');
        },
    },
    {
        code: 'BAD_USER_INPUT',
        title: "upstream's 422, with its errors[] as extensions.validationErrors",
        document: documents.GIVE_KUDO,
        variables: { siteId: SITES.rejectingKudos, kudo: { path: '/pricing', customUid: 'taken' } },
        path: ['giveKudo'],
        data: null,
        check(error) {
            assert.deepEqual(error.extensions.validationErrors, KUDO_VALIDATION_ERRORS);
        },
    },
    {
        code: 'UNAUTHENTICATED',
        title: "upstream's 401 for a revoked forwarded key",
        document: documents.ME,
        key: keys.revoked,
        path: ['me'],
        data: { me: null },
    },
    {
        code: 'FORBIDDEN',
        title: "upstream's 403 for a write with a forwarded read-only key",
        document: documents.TRACK_HIT,
        variables: { siteId: SITES.ok, hit: { path: '/forbidden' } },
        key: keys.readOnly,
        path: ['trackHit'],
        data: null,
    },
    {
        code: 'SUBSCRIPTION_REQUIRED',
        title: "upstream's 403 for insights without a subscription",
        document: documents.SITE_INSIGHTS,
        variables: { id: SITES.noSubscription },
        path: ['site', 'insights'],
        data: { site: { id: SITES.noSubscription, label: 'Side project', insights: null } },
    },
    {
        code: 'FEATURE_DISABLED',
        title: "upstream's 403 for signals while insights are off",
        document: documents.SITE_SIGNALS,
        variables: { id: SITES.insightsOff },
        path: ['site', 'signals'],
        data: { site: { id: SITES.insightsOff, label: 'Quiet site', signals: null } },
    },
    {
        code: 'NOT_FOUND',
        title: 'deleteKudo of an unknown uid (upstream 404)',
        document: documents.DELETE_KUDO,
        variables: { siteId: SITES.ok, uid: UNKNOWN_KUDO_UID },
        path: ['deleteKudo'],
        data: null,
    },
    {
        code: 'RATE_LIMITED',
        title: "upstream's 429 with a Retry-After beyond the gateway's retry ceiling",
        document: documents.SITE_LABEL,
        variables: { id: SITES.ok },
        key: keys.spent,
        path: ['site'],
        data: { site: null },
        check(error) {
            assert.equal(error.extensions.retryAfterSeconds, RETRY_AFTER_SECONDS);
        },
    },
    {
        code: 'UPSTREAM_UNAVAILABLE',
        title: 'a connection reset on every attempt',
        document: documents.SITE_HITS,
        variables: { id: SITES.unreachableHits },
        path: ['site', 'hits'],
        data: { site: { id: SITES.unreachableHits, label: 'Far away', hits: null } },
    },
    {
        code: 'UPSTREAM_ERROR',
        title: "upstream's 500",
        document: documents.SITE_HITS,
        variables: { id: SITES.failing },
        path: ['site', 'hits'],
        data: { site: { id: SITES.failing, label: 'Flaky shop', hits: null } },
    },
    {
        code: 'QUERY_TOO_EXPENSIVE',
        title: '11 aliased site fields, refused before any upstream call',
        document: documents.ELEVEN_SITES,
        variables: {},
        path: undefined,
        data: null,
        check(error) {
            assert.match(error.message, /site/);
        },
    },
];
