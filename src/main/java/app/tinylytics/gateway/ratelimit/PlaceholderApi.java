package app.tinylytics.gateway.ratelimit;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class PlaceholderApi {
    @Query
    public String ping() {
        return "pong";
    }
}
