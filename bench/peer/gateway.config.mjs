// Hive Gateway configuration of the comparison peer (issue 16): serves the composed supergraph with the
// in-memory response cache on, and sends the caller's Authorization header upstream.
//
//   SUPERGRAPH        the composed supergraph (bench/peer/start writes it); default ./supergraph.graphql
//   TINYLYTICS_KEY    optional: the key used when a request carries no Authorization header (the
//                     gateway's TINYLYTICS_API_READ_KEY plays that part); a caller's own key always wins
//   RESPONSE_CACHE_TTL_MS  response cache TTL; default 60000 (the gateway's analytics TTL)
import { defineConfig } from '@graphql-hive/gateway';

const fallbackKey = process.env.TINYLYTICS_KEY;

export const gatewayConfig = defineConfig({
    supergraph: process.env.SUPERGRAPH || './supergraph.graphql',
    graphqlEndpoint: '/graphql',
    logging: process.env.PEER_LOG_LEVEL || 'warn',
    propagateHeaders: {
        fromClientToSubgraphs({ request }) {
            const auth = request.headers.get('authorization') || (fallbackKey ? `Bearer ${fallbackKey}` : null);
            return auth ? { authorization: auth } : {};
        },
    },
    // In-memory (the default LRU cache). Answers are per key, as the gateway's cache entries are: the
    // session is the Authorization header, so one caller never receives another key's answer.
    responseCaching: {
        session: (request) => request.headers.get('authorization') || null,
        ttl: Number(process.env.RESPONSE_CACHE_TTL_MS || 60000),
    },
});
