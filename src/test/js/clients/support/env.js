// Where the suite runs: the gateway under test and its WireMock upstream, from the environment
// (ClientLibrariesIT sets them for the packaged jar).

function required(name) {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set: run the suite through ClientLibrariesIT, or set GATEWAY_URL, UPSTREAM_URL and SERVER_WRITE_KEY`);
    }
    return value;
}

/** The gateway's GraphQL endpoint, e.g. http://localhost:18381/graphql. */
export const GATEWAY_URL = required('GATEWAY_URL');

/** The WireMock upstream's base URL; its admin API answers under /__admin. */
export const UPSTREAM_URL = required('UPSTREAM_URL');

/** The server write key the gateway was given (fake): mutations without a forwarded key must use it upstream. */
export const SERVER_WRITE_KEY = required('SERVER_WRITE_KEY');

/**
 * Unique per test process: forwarded keys and written values carry it, so a second run against the same
 * gateway (or another client library's file) never meets a key that an earlier 429 blocked in the gateway.
 */
export const RUN_ID = `${process.pid}-${Date.now().toString(36)}`;
