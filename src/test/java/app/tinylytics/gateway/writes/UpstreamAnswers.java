package app.tinylytics.gateway.writes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** WireMock answers shaped like Tinylytics' write responses. */
final class UpstreamAnswers {

    private UpstreamAnswers() {
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder created(String body) {
        return json(201, body);
    }

    /** An upstream batch answer with every one of {@code size} rows created. */
    static String allCreated(int size) {
        StringBuilder results = new StringBuilder();
        for (int i = 0; i < size; i++) {
            results.append(i == 0 ? "" : ",").append("{\"index\": ").append(i).append(", \"status\": \"created\"}");
        }
        return "{\"created_count\": " + size + ", \"ignored_count\": 0, \"error_count\": 0, \"results\": [" + results + "]}";
    }
}
