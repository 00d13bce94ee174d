// What every client library must surface the same way, whatever its own error objects look like.

import assert from 'node:assert/strict';

/** Every code of the gateway's error table (README "Errors"). */
export const ERROR_CODES = [
    'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'SUBSCRIPTION_REQUIRED', 'FEATURE_DISABLED',
    'NOT_FOUND', 'RATE_LIMITED', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_ERROR', 'QUERY_TOO_EXPENSIVE',
];

/** Paths of every null-valued entry inside a value, e.g. ['extensions.retryAfterSeconds']. */
function nullsIn(value, at) {
    if (value === null) {
        return [at];
    }
    if (typeof value !== 'object') {
        return [];
    }
    return Object.entries(value).flatMap(([key, inner]) => nullsIn(inner, `${at}.${key}`));
}

/** Each error carries a known extensions.code and no null-valued extension field. */
export function assertCodedErrors(errors) {
    assert.ok(Array.isArray(errors) && errors.length > 0, 'expected GraphQL errors');
    for (const error of errors) {
        assert.ok(ERROR_CODES.includes(error.extensions?.code),
            `error without a known extensions.code: ${JSON.stringify(error)}`);
        assert.deepEqual(nullsIn(error.extensions, 'extensions'), [],
            `extensions must leave out fields without a value: ${JSON.stringify(error.extensions)}`);
    }
}

/** The one error at a response path, e.g. ['site', 'insights']. */
export function errorAt(errors, path) {
    const found = errors.filter((error) => JSON.stringify(error.path ?? null) === JSON.stringify(path ?? null));
    assert.equal(found.length, 1,
        `expected one error at ${JSON.stringify(path)}, got: ${JSON.stringify(errors.map((e) => e.path))}`);
    return found[0];
}

/** A copy of a result's data without the __typename fields Apollo adds to every selection. */
export function withoutTypename(value) {
    if (Array.isArray(value)) {
        return value.map(withoutTypename);
    }
    if (value === null || typeof value !== 'object') {
        return value;
    }
    return Object.fromEntries(Object.entries(value)
        .filter(([key]) => key !== '__typename')
        .map(([key, inner]) => [key, withoutTypename(inner)]));
}

/** The data a client handed over equals what is expected; "no data" may be null or absent. */
export function assertData(actual, expected) {
    if (expected === null) {
        assert.equal(actual ?? null, null, `expected no data, got ${JSON.stringify(actual)}`);
        return;
    }
    assert.deepEqual(withoutTypename(actual), expected);
}
