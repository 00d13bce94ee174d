// Questions to the WireMock upstream's admin API: which requests did the gateway really send?

import { UPSTREAM_URL } from './env.js';

/**
 * How many requests the upstream received that match a WireMock request pattern, e.g.
 * { method: 'POST', urlPath: '/api/v1/sites/456/kudos', headers: {...}, bodyPatterns: [...] }.
 */
export async function countRequests(pattern) {
    const response = await fetch(`${UPSTREAM_URL}/__admin/requests/count`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(pattern),
    });
    if (!response.ok) {
        throw new Error(`WireMock admin answered ${response.status} to a request count`);
    }
    return (await response.json()).count;
}

/** A pattern part matching Authorization: Bearer <key> exactly. */
export function bearer(key) {
    return { Authorization: { equalTo: `Bearer ${key}` } };
}

/** A pattern part matching a JSON body exactly: no missing and no extra fields. */
export function exactJsonBody(body) {
    return [{ equalToJson: body, ignoreArrayOrder: false, ignoreExtraElements: false }];
}
