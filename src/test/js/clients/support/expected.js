// Answers the healthy scenarios give, the same whichever client library asks.

import { SITES } from './scenarios.js';

export const SITE_OVERVIEW_VARIABLES = { id: SITES.ok, perPage: 2, withHits: true };

/** SiteOverview for site 456 with two hits per page: fragments spread into one plain object. */
export const SITE_OVERVIEW_DATA = {
    site: {
        id: SITES.ok,
        label: 'My Blog',
        url: `https://site-${SITES.ok}.example.com`,
        lifetimeHits: 12340,
        active: true,
        hits: {
            nodes: [
                { id: '789', path: '/pricing', country: 'US', isMobile: false },
                { id: '790', path: '/blog', country: 'PL', isMobile: true },
            ],
            pageInfo: { perPage: 2, totalCount: 57, hasNextPage: true },
        },
    },
};

/** SiteOverview with withHits: false: the @include'd inline fragment is left out. */
export const SITE_OVERVIEW_WITHOUT_HITS_DATA = {
    site: {
        id: SITES.ok,
        label: 'My Blog',
        url: `https://site-${SITES.ok}.example.com`,
        lifetimeHits: 12340,
        active: true,
    },
};

export const ALL_SITES_DATA = {
    sites: [
        { id: SITES.ok, label: 'My Blog' },
        { id: SITES.noSubscription, label: 'Side project' },
    ],
};

/** FlakySite: the label answers, the three failing reads are null each with its own coded error. */
export const FLAKY_SITE_DATA = {
    site: { id: SITES.failing, label: 'Flaky shop', hits: null, kudos: null, leaderboard: null },
};

export const FLAKY_SITE_ERRORS = [
    { path: ['site', 'hits'], code: 'UPSTREAM_ERROR' },
    { path: ['site', 'kudos'], code: 'RATE_LIMITED' },
    { path: ['site', 'leaderboard'], code: 'UPSTREAM_ERROR' },
];

/** SiteInsights for the site without a subscription: label answers, insights is refused alone. */
export const NO_SUBSCRIPTION_DATA = {
    site: { id: SITES.noSubscription, label: 'Side project', insights: null },
};
