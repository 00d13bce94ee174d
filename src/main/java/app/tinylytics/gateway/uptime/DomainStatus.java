package app.tinylytics.gateway.uptime;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;

import app.tinylytics.gateway.upstream.dto.DomainDto;

/** The monitored site's domain registration status. */
@Description("Domain registration status of the monitored URL.")
public record DomainStatus(
        @Description("When upstream last looked the registration up.") OffsetDateTime testedAt,
        OffsetDateTime expiresAt,
        Integer remainingDays,
        @Description("Where upstream read the registration from, e.g. `whois`.") String source,
        boolean expired,
        boolean expiringSoon,
        Integer daysUntilExpiry) {

    public static DomainStatus from(DomainDto dto) {
        return dto == null ? null
                : new DomainStatus(dto.testedAt(), dto.expiresAt(), dto.remainingDays(), dto.source(), dto.expired(),
                        dto.expiringSoon(), dto.daysUntilExpiry());
    }
}
