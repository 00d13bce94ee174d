package app.tinylytics.gateway.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.tinylytics.gateway.common.Sha256;
import app.tinylytics.gateway.support.TestConfig;

/**
 * With the persisted-query store sized 0 and no manifest, a hash is PERSISTED_QUERY_NOT_SUPPORTED (message
 * {@code PersistedQueryNotSupported}), which Apollo Client and urql take as "send documents from now on".
 */
class PersistedQueriesOffTest {

    @Test
    void aHashIsNotSupportedAndADocumentRunsAsItIs() {
        PersistedDocuments documents = new PersistedDocuments(
                TestConfig.gateway(Map.of("gateway.persisted-queries.max-bytes", "0")), null, false);
        GraphQLRequest hashed = new GraphQLRequest(null, null, Map.of(),
                PersistedQueryRequests.extensions(Sha256.hex("{ __typename }")));

        RequestRefusal refusal = assertThrows(RequestRefusal.class, () -> documents.resolve(hashed));

        assertThat(refusal.errors().get(0).get("message"), equalTo("PersistedQueryNotSupported"));
        assertThat(refusal.errors().get(0).get("extensions"), equalTo(Map.of("code", "PERSISTED_QUERY_NOT_SUPPORTED")));
        GraphQLRequest plain = new GraphQLRequest("{ __typename }", null, Map.of(), Map.of());
        assertThat(documents.resolve(plain), equalTo(plain));
    }
}
