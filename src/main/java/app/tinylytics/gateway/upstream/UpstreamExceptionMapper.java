package app.tinylytics.gateway.upstream;

import java.util.OptionalLong;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns every non-2xx upstream answer into an {@link UpstreamFailure} carrying status, body and Retry-After. */
public class UpstreamExceptionMapper implements ResponseExceptionMapper<UpstreamFailure> {

    @Override
    public UpstreamFailure toThrowable(Response response) {
        String body = response.hasEntity() ? readBody(response) : "";
        return UpstreamFailure.answered(null, response.getStatus(), body, retryAfter(response.getHeaderString(HttpHeaders.RETRY_AFTER)));
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 300;
    }

    private static String readBody(Response response) {
        try {
            return response.readEntity(String.class);
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    /** Retry-After in seconds; the HTTP-date form is treated as unknown. */
    static OptionalLong retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            return OptionalLong.empty();
        }
    }
}
