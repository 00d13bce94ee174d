package app.tinylytics.gateway.writes;

import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;

import app.tinylytics.gateway.upstream.Written;
import app.tinylytics.gateway.upstream.dto.WriteAnswerDto;

/** Whether upstream recorded a single write (201) or skipped it on purpose (202). */
@Description("201 created / 202 ignored.")
public enum WriteStatus {
    CREATED,
    IGNORED;

    /** 202, or a body saying {@code ignored}, is IGNORED; any other 2xx recorded the write. */
    static WriteStatus of(Written<? extends WriteAnswerDto> written) {
        return written.ignored() || "ignored".equals(written.part(WriteAnswerDto::status)) ? IGNORED : CREATED;
    }

    /** The record upstream sent back for a CREATED write, mapped; null when ignored or not sent. */
    <T, R> R createdOrNull(T sent, Function<T, R> mapper) {
        return this == CREATED && sent != null ? mapper.apply(sent) : null;
    }
}
