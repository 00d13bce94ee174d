package app.tinylytics.gateway.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignalCategoryTest {

    @ParameterizedTest
    @EnumSource(SignalCategory.class)
    void everyCategoryRoundTripsThroughItsUpstreamName(SignalCategory category) {
        assertEquals(category, SignalCategory.fromUpstream(category.upstreamValue()));
    }

    @Test
    void upstreamValuesAreTheDocumentedLowerCaseOnes() {
        assertEquals("newsletter", SignalCategory.NEWSLETTER.upstreamValue());
        assertEquals("maintenance", SignalCategory.MAINTENANCE.upstreamValue());
        assertEquals("podcast", SignalCategory.PODCAST.upstreamValue());
    }

    @Test
    void unknownUpstreamCategoryIsOther() {
        assertEquals(SignalCategory.OTHER, SignalCategory.fromUpstream("webinar"));
    }

    @Test
    void missingCategoryStaysNullBothWays() {
        assertNull(SignalCategory.fromUpstream(null));
        assertNull(SignalCategory.fromUpstream(" "));
        assertNull(SignalCategory.toUpstream(null));
    }
}
