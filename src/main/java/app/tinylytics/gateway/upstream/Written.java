package app.tinylytics.gateway.upstream;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * A successful upstream write: its 2xx status, which is part of the answer (201 created, 202 ignored,
 * 200 updated), and its body.
 */
public record Written<T>(int status, T body) {

    static <T> Written<T> of(RestResponse<T> response) {
        return new Written<>(response.getStatus(), response.getEntity());
    }

    /** 202: upstream accepted the request but recorded nothing (an ignore rule matched). */
    public boolean ignored() {
        return status == RestResponse.StatusCode.ACCEPTED;
    }
}
