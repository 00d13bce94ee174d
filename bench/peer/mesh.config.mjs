// GraphQL Mesh composition of the comparison peer (issue 16): one OpenAPI subgraph over the Tinylytics
// API description that the simulator serves. Read by `mesh-compose` (bench/peer/start).
//
//   TINYLYTICS_UPSTREAM  upstream base URL, e.g. http://127.0.0.1:19101/simulator/api/v1 (required)
//   OPENAPI_SOURCE       the OpenAPI description (file or URL); default: $TINYLYTICS_UPSTREAM/openapi.json
import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

const upstream = process.env.TINYLYTICS_UPSTREAM;
if (!upstream) {
    throw new Error('TINYLYTICS_UPSTREAM (the upstream base URL) is required');
}

export const composeConfig = defineConfig({
    subgraphs: [
        {
            sourceHandler: loadOpenAPISubgraph('Tinylytics', {
                source: process.env.OPENAPI_SOURCE || `${upstream.replace(/\/$/, '')}/openapi.json`,
                // Overrides the description's own servers list (the real API comes first there). The
                // Authorization header is added at run time (gateway.config.mjs, propagateHeaders).
                endpoint: upstream,
            }),
        },
    ],
});
