package app.tinylytics.gateway.uptime;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;

import app.tinylytics.gateway.upstream.dto.SslDto;

/** The monitored site's TLS certificate status. */
@Description("TLS certificate status of the monitored URL.")
public record SslStatus(
        OffsetDateTime expiresAt,
        boolean valid,
        boolean expiringSoon,
        boolean expired,
        Integer daysUntilExpiry) {

    public static SslStatus from(SslDto dto) {
        return dto == null ? null
                : new SslStatus(dto.expiresAt(), dto.valid(), dto.expiringSoon(), dto.expired(), dto.daysUntilExpiry());
    }
}
