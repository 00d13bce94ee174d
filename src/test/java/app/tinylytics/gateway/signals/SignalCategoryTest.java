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
        assertEquals(category, SignalCategory.fromUpstream(category.upstreamName()));
    }

    @Test
    void upstreamNamesAreTheDocumentedLowerCaseOnes() {
        assertEquals("newsletter", SignalCategory.NEWSLETTER.upstreamName());
        assertEquals("maintenance", SignalCategory.MAINTENANCE.upstreamName());
        assertEquals("podcast", SignalCategory.PODCAST.upstreamName());
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
