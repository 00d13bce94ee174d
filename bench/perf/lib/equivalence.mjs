// The gateway's and the peer's answers to the "same" document, brought to one shape, so that the run can
// say whether the two selections really ask for the same values.

const time = (value) => (value ? new Date(value).toISOString() : null);
// Mesh's URL scalar adds a trailing slash to a bare origin.
const url = (value) => (value ? value.replace(/\/$/, '') : value);

function leaderboard(entries, cachedAt, expiresAt) {
    return {
        entries: (entries || []).map((e) => [e.path, e.totalHits ?? e.total_hits, e.uniqueHits ?? e.unique_hits, e.percentage]),
        cachedAt: time(cachedAt),
        expiresAt: time(expiresAt),
    };
}

/** One site + leaderboard, either shape. */
export function normaliseSiteLeaderboard(data) {
    if (data.site) {
        const s = data.site;
        return {
            site: [String(s.id), s.label, url(s.url), s.lifetimeHits],
            leaderboard: leaderboard(s.leaderboard?.entries, s.leaderboard?.cachedAt, s.leaderboard?.expiresAt),
        };
    }
    const s = data.getSite;
    const l = data.getLeaderboard;
    return {
        site: [String(s.id), s.label, url(s.url), s.lifetime_hits],
        leaderboard: leaderboard(l?.leaderboard, l?.cache_info?.cached_at, l?.cache_info?.expires_at),
    };
}

/** The dashboard, either shape. */
export function normaliseDashboard(data) {
    if (data.site) {
        const s = data.site;
        return {
            sites: data.sites.map((x) => [String(x.id), x.label, url(x.url), x.lifetimeHits]),
            site: [String(s.id), s.label],
            hitGroups: { nodes: s.hitGroups.nodes.map((g) => [g.key, g.count, g.uniqueCount]), total: s.hitGroups.pageInfo.totalCount },
            leaderboard: leaderboard(s.leaderboard?.entries, s.leaderboard?.cachedAt, s.leaderboard?.expiresAt),
            kudos: { nodes: s.kudos.nodes.map((k) => [k.path, time(k.createdAt)]), total: s.kudos.pageInfo.totalCount },
        };
    }
    return {
        sites: data.listSites.sites.map((x) => [String(x.id), x.label, url(x.url), x.lifetime_hits]),
        site: [String(data.getSite.id), data.getSite.label],
        hitGroups: { nodes: data.listHits.grouped_hits.map((g) => [g.path, g.views, g.unique_views]), total: data.listHits.pagination.total_count },
        leaderboard: leaderboard(data.getLeaderboard?.leaderboard, data.getLeaderboard?.cache_info?.cached_at, data.getLeaderboard?.cache_info?.expires_at),
        kudos: { nodes: data.listKudos.kudos.map((k) => [k.path, time(k.created_at)]), total: data.listKudos.pagination.total_count },
    };
}

/** Paths (a.b[2]) where two normalised answers differ; empty when they carry the same values. */
export function differences(a, b, path = '') {
    if (Array.isArray(a) || (a && typeof a === 'object')) {
        if (!b || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return [path || '(root)'];
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        return [...keys].flatMap((k) => differences(a[k], b[k], Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k));
    }
    return a === b ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}
