package app.tinylytics.gateway.upstream;

import java.util.function.Function;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * A successful upstream write: its 2xx status, which is part of the answer (201 created, 202 ignored,
 * 200 updated), and its body.
 */
public record Written<T>(int status, T body) {

    static <T> Written<T> of(RestResponse<T> response) {
        return new Written<>(response.getStatus(), response.getEntity());
    }

    /**
     * A part of the body, or null when upstream sent a success status with no body at all: the status alone still
     * says what happened, so the answer is built from it rather than failing a write that is already done.
     */
    public <V> V part(Function<? super T, V> part) {
        return body == null ? null : part.apply(body);
    }

    /** 202: upstream accepted the request but recorded nothing (an ignore rule matched). */
    public boolean ignored() {
        return status == RestResponse.StatusCode.ACCEPTED;
    }
}
