package app.tinylytics.gateway.writes;

import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.common.TextLimit;
import app.tinylytics.gateway.upstream.dto.HitWriteDto;

/**
 * The page and visitor fields {@link HitInput} and {@link EventInput} share, with their rules and their upstream
 * form written once here. Both inputs still declare the fields, as GraphQL input types cannot share fields, and
 * each checks {@code path} itself: a hit needs one, an event may go without.
 */
interface VisitFields {

    String path();

    String country();

    String ipAddress();

    String url();

    String referrer();

    String userAgent();

    String visitorId();

    String source();

    /** Checks every field but {@code path}; {@code argument} names the input, e.g. {@code hits[3]}. */
    default void validateVisit(String argument) {
        Arguments.country(argument + ".country", country());
        Arguments.text(argument + ".ipAddress", ipAddress(), TextLimit.IP_ADDRESS);
        Arguments.text(argument + ".url", url(), TextLimit.URL);
        Arguments.text(argument + ".referrer", referrer(), TextLimit.REFERRER);
        Arguments.text(argument + ".userAgent", userAgent(), TextLimit.USER_AGENT);
        Arguments.text(argument + ".visitorId", visitorId(), TextLimit.IDENTIFIER);
        Arguments.text(argument + ".source", source(), TextLimit.IDENTIFIER);
    }

    /** The fields as upstream reads them: a hit body, or the flat page and visitor part of an event body. */
    default HitWriteDto visitToUpstream() {
        return new HitWriteDto(path(), country(), ipAddress(), url(), referrer(), userAgent(), visitorId(), source());
    }
}
