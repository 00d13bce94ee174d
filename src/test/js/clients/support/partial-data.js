// Partial data: what a client must hold when some fields of a site fail and the rest answer.

import assert from 'node:assert/strict';

import { assertCodedErrors, assertData, errorAt } from './assertions.js';
import { FLAKY_SITE_DATA, FLAKY_SITE_ERRORS, NO_SUBSCRIPTION_DATA } from './expected.js';
import { RETRY_AFTER_SECONDS } from './scenarios.js';

/** SiteInsights without a subscription: the label, and SUBSCRIPTION_REQUIRED at site.insights only. */
export function assertInsightsRefusedAlone(data, errors) {
    assertCodedErrors(errors);
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.equal(errorAt(errors, ['site', 'insights']).extensions.code, 'SUBSCRIPTION_REQUIRED');
    assertData(data, NO_SUBSCRIPTION_DATA);
}

/** FlakySite: the label, and one coded error for each of hits (500), kudos (429) and leaderboard (not JSON). */
export function assertThreeFieldsFailAlone(data, errors) {
    assertCodedErrors(errors);
    assert.equal(errors.length, FLAKY_SITE_ERRORS.length, JSON.stringify(errors));
    for (const { path, code } of FLAKY_SITE_ERRORS) {
        assert.equal(errorAt(errors, path).extensions.code, code, `code at ${path.join('.')}`);
    }
    assert.equal(errorAt(errors, ['site', 'kudos']).extensions.retryAfterSeconds, RETRY_AFTER_SECONDS);
    assertData(data, FLAKY_SITE_DATA);
}
