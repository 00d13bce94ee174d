package app.tinylytics.gateway.transport;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import app.tinylytics.gateway.support.Samples;
import app.tinylytics.gateway.transport.MalformedRequest.Category;

/**
 * The generated part of the malformed-request suite: for each category, its quota of distinct requests drawn from
 * its own fixed seed (so adding a category leaves the others' requests as they were, and a failure reruns as is).
 */
final class GeneratedRequests {

    /** The seed of the first category; category {@code n} uses {@code BASE_SEED + n}. */
    static final long BASE_SEED = 20261201L;

    private record Quota(int count, Function<Samples, MalformedRequest> generator) {
    }

    private static final Map<Category, Quota> QUOTAS = new LinkedHashMap<>();

    static {
        QUOTAS.put(Category.JSON_SYNTAX, new Quota(60, BodyCases::jsonSyntax));
        QUOTAS.put(Category.BODY_SHAPE, new Quota(50, BodyCases::bodyShape));
        QUOTAS.put(Category.DUPLICATE_KEYS, new Quota(25, BodyCases::duplicateKeys));
        QUOTAS.put(Category.DEEP_JSON, new Quota(20, BodyCases::deepJson));
        QUOTAS.put(Category.INVALID_UTF8, new Quota(50, BodyCases::invalidUtf8));
        QUOTAS.put(Category.HUGE, new Quota(10, BodyCases::huge));
        QUOTAS.put(Category.EMPTY_BODY, new Quota(10, BodyCases::emptyBody));
        QUOTAS.put(Category.METHOD, new Quota(40, HttpCases::method));
        QUOTAS.put(Category.MEDIA_TYPE, new Quota(35, HttpCases::mediaType));
        QUOTAS.put(Category.ENCODING, new Quota(35, HttpCases::encoding));
        QUOTAS.put(Category.ACCEPT, new Quota(30, HttpCases::accept));
        QUOTAS.put(Category.HEADERS, new Quota(30, HttpCases::headers));
        QUOTAS.put(Category.DOCUMENT, new Quota(60, GraphQLCases::document));
        QUOTAS.put(Category.OPERATION, new Quota(30, GraphQLCases::operation));
        QUOTAS.put(Category.VARIABLES, new Quota(70, GraphQLCases::variables));
        QUOTAS.put(Category.GET_PARAMETERS, new Quota(40, GraphQLCases::getParameters));
        QUOTAS.put(Category.HTTP_FRAMING, new Quota(25, HttpCases::framing));
    }

    private GeneratedRequests() {
    }

    /** Every category's quota of distinct requests (distinct as bytes on the wire). */
    static List<MalformedRequest> all() {
        List<MalformedRequest> requests = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        QUOTAS.forEach((category, quota) -> {
            Samples samples = Samples.seeded(BASE_SEED + category.ordinal());
            int made = 0;
            for (int attempt = 0; made < quota.count(); attempt++) {
                if (attempt > quota.count() * 100) {
                    throw new IllegalStateException(category + ": only " + made + " distinct requests of " + quota.count());
                }
                MalformedRequest request = quota.generator().apply(samples);
                if (request != null && seen.add(fingerprint(request))) {
                    requests.add(request);
                    made++;
                }
            }
        });
        return requests;
    }

    private static String fingerprint(MalformedRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.request().bytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
