package app.tinylytics.gateway.leaderboard;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link LeaderboardGraphQLTest} against the packaged jar. */
@QuarkusIntegrationTest
class LeaderboardGraphQLIT extends LeaderboardGraphQLTest {
}
