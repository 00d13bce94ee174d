// The upstream's scenarios as the Node side names them. The WireMock stubs that answer them are in
// src/test/java/app/tinylytics/gateway/clients/UpstreamScenarios.java: keep both in step.

import { RUN_ID } from './env.js';

export const SITES = {
    /** A healthy site "My Blog": reads answer, kudos and hits can be written. */
    ok: '456',
    /** "Side project": its own reads answer, insights are 403 (no subscription). */
    noSubscription: '4031',
    /** "Quiet site": its own reads answer, signals are 403 (insights off). */
    insightsOff: '4032',
    /** "Flaky shop": hits answer 500, kudos 429 (Retry-After 3600, late) and the leaderboard an HTML page. */
    failing: '5000',
    /** "Far away": every hits request has its connection reset. */
    unreachableHits: '5030',
    /** Every kudo is refused with 422 and errors[]. */
    rejectingKudos: '4220',
};

export const LABELS = {
    [SITES.ok]: 'My Blog',
    [SITES.noSubscription]: 'Side project',
    [SITES.failing]: 'Flaky shop',
};

/** The kudo uid that site 456 does not know (404 on delete). */
export const UNKNOWN_KUDO_UID = 'no-such-kudo';

/** Retry-After of every upstream 429. */
export const RETRY_AFTER_SECONDS = 3600;

/** Upstream's errors[] for a refused kudo. */
export const KUDO_VALIDATION_ERRORS = ['Custom uid has already been taken'];

/**
 * Keys a client forwards with Authorization: Bearer; the prefix decides how upstream treats them, the suffix
 * makes each one unique to this run and client, because a 429 blocks its key in the gateway for an hour.
 */
export const keys = {
    revoked: (client) => `tly-ro-client-suite-revoked-${client}-${RUN_ID}`,
    spent: (client) => `tly-ro-client-suite-spent-${client}-${RUN_ID}`,
    readOnly: (client) => `tly-ro-client-suite-reader-${client}-${RUN_ID}`,
    fullAccess: (client) => `tly-fa-client-suite-writer-${client}-${RUN_ID}`,
    /** Any key upstream accepts for reads (site stubs do not look at the key). */
    reader: (client, purpose) => `tly-ro-client-suite-${purpose}-${client}-${RUN_ID}`,
};
