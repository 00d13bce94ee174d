// The GraphQL documents every client library sends, as plain strings (Apollo parses them with gql).

export const SITE_OVERVIEW = `
query SiteOverview($id: ID!, $perPage: Int!, $withHits: Boolean!) {
  site(id: $id) {
    ...SiteHeader
    ... on Site {
      lifetimeHits
      active
    }
    ... @include(if: $withHits) {
      hits(perPage: $perPage) {
        nodes { ...HitFields }
        pageInfo { perPage totalCount hasNextPage }
      }
    }
  }
}

fragment SiteHeader on Site {
  id
  label
  url
}

fragment HitFields on Hit {
  id
  path
  country
  isMobile
}
`;

export const ALL_SITES = `
query AllSites {
  sites { ...SiteName }
}

fragment SiteName on Site {
  id
  label
}
`;

export const SITE_INSIGHTS = `
query SiteInsights($id: ID!) {
  site(id: $id) {
    id
    label
    insights { nodes { summary } }
  }
}
`;

export const SITE_SIGNALS = `
query SiteSignals($id: ID!) {
  site(id: $id) {
    id
    label
    signals { nodes { title } }
  }
}
`;

export const SITE_HITS = `
query SiteHits($id: ID!, $perPage: Int) {
  site(id: $id) {
    id
    label
    hits(perPage: $perPage) { nodes { path } }
  }
}
`;

export const FLAKY_SITE = `
query FlakySite($id: ID!) {
  site(id: $id) {
    id
    label
    hits { nodes { path } }
    kudos { nodes { uid } }
    leaderboard { entries { path } }
  }
}
`;

export const SITE_LABEL = `
query SiteLabel($id: ID!) {
  site(id: $id) { id label }
}
`;

export const ME = `
query Me {
  me { id email }
}
`;

export const GIVE_KUDO = `
mutation GiveKudo($siteId: ID!, $kudo: KudoInput!) {
  giveKudo(siteId: $siteId, kudo: $kudo) {
    status
    reason
    kudo { uid path createdAt }
  }
}
`;

export const TRACK_HIT = `
mutation TrackHit($siteId: ID!, $hit: HitInput!) {
  trackHit(siteId: $siteId, hit: $hit) {
    status
    hit { path country url }
  }
}
`;

export const DELETE_KUDO = `
mutation DeleteKudo($siteId: ID!, $uid: String!) {
  deleteKudo(siteId: $siteId, uid: $uid) { deleted uid }
}
`;

/** One more aliased site field than the gateway allows (10). */
export const ELEVEN_SITES = `
query ElevenSites {
${Array.from({ length: 11 }, (_, i) => `  s${i + 1}: site(id: "456") { id }`).join('\n')}
}
`;

/** Valid syntax, but Site has no field nope: fails validation before anything runs. */
export const UNKNOWN_FIELD = `
query UnknownField {
  site(id: "456") { nope }
}
`;

export const SITE_HITS_PAGE = `
query SiteHitsPage($perPage: Int) {
  site(id: "456") {
    id
    hits(perPage: $perPage) { nodes { path } }
  }
}
`;
