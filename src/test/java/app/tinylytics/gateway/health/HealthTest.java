package app.tinylytics.gateway.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

/** Liveness stays up whatever upstream does; readiness follows upstream's keyless discovery endpoint. */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class HealthTest {

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
    }

    @Test
    void readyWhileUpstreamAnswersWithoutSpendingAKey() {
        upstream.stubFor(get("/api/v1/").willReturn(okJson("{\"name\": \"Tinylytics API\"}")));

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/")).withoutHeader("Authorization"));
    }

    @Test
    void notReadyWhenUpstreamIsUnreachableAndReadyAgainWhenItRecovers() {
        upstream.stubFor(get("/api/v1/").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        upstream.stubFor(get("/api/v1/").willReturn(okJson("{}")));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void notReadyWhileTheCircuitIsOpenAndTheProbeClosesItOnceUpstreamAnswers() throws InterruptedException {
        upstream.stubFor(get("/api/v1/").willReturn(okJson("{}")));
        upstream.stubFor(get("/api/v1/sites").willReturn(aResponse().withStatus(503)));
        GraphQL.document("sites-ids").post();
        GraphQL.document("sites-ids").post();

        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'tinylytics-upstream' }.data.circuit", equalTo("OPEN"));

        Thread.sleep(WireMockProfile.CIRCUIT_DELAY_MILLIS + 200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'tinylytics-upstream' }.data.circuit", equalTo("CLOSED"));
    }

    @Test
    void startedOnceTheApplicationIsUp() {
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }
}
