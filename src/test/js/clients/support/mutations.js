// The two writes every client library makes, and the exact upstream request each must cause.

import assert from 'node:assert/strict';

import { RUN_ID, SERVER_WRITE_KEY } from './env.js';
import { SITES, keys } from './scenarios.js';
import { bearer, countRequests, exactJsonBody } from './upstream.js';

/** giveKudo without a forwarded key: the gateway writes with its server write key. */
export function giveKudoVariables(client) {
    return { siteId: SITES.ok, kudo: { path: '/pricing', customUid: `${client}-kudo-${RUN_ID}` } };
}

export function expectedGiveKudo(client) {
    const { kudo } = giveKudoVariables(client);
    return { giveKudo: { status: 'CREATED', reason: null, kudo: { uid: kudo.customUid, path: kudo.path, createdAt: '2026-02-14T10:00:00Z' } } };
}

/** Exactly one POST /sites/456/kudos with the server write key and the documented snake_case body. */
export async function assertKudoSentOnceWithServerKey(client) {
    const { kudo } = giveKudoVariables(client);
    const sent = await countRequests({
        method: 'POST',
        urlPath: `/api/v1/sites/${SITES.ok}/kudos`,
        headers: bearer(SERVER_WRITE_KEY),
        bodyPatterns: exactJsonBody({ path: kudo.path, custom_uid: kudo.customUid }),
    });
    assert.equal(sent, 1, 'upstream requests: POST /sites/456/kudos with the server write key and exactly that body');
}

/** trackHit with the caller's forwarded full-access key. */
export function trackHitVariables(client) {
    return { siteId: SITES.ok, hit: { path: `/from-${client}`, country: 'PL', visitorId: `visitor-${RUN_ID}` } };
}

export function expectedTrackHit(client) {
    const { hit } = trackHitVariables(client);
    return { trackHit: { status: 'CREATED', hit: { path: hit.path, country: 'PL', url: `https://example.com${hit.path}` } } };
}

/** Exactly one POST /sites/456/hits with the forwarded key and the documented body, absent fields left out. */
export async function assertHitSentOnceWithForwardedKey(client) {
    const { hit } = trackHitVariables(client);
    const sent = await countRequests({
        method: 'POST',
        urlPath: `/api/v1/sites/${SITES.ok}/hits`,
        headers: bearer(keys.fullAccess(client)),
        bodyPatterns: exactJsonBody({ path: hit.path, country: hit.country, visitor_id: hit.visitorId }),
    });
    assert.equal(sent, 1, 'upstream requests: POST /sites/456/hits with the forwarded key and exactly that body');
}
