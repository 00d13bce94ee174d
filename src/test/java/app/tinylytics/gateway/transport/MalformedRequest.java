package app.tinylytics.gateway.transport;

/** One malformed request of the suite: what is wrong with it, the bytes to send, and which kind of answer it must get. */
record MalformedRequest(Category category, String name, RawRequest request, Answer answer) {

    /** What is malformed, for the suite's counts. */
    enum Category {
        JSON_SYNTAX,
        BODY_SHAPE,
        DUPLICATE_KEYS,
        DEEP_JSON,
        INVALID_UTF8,
        HUGE,
        EMPTY_BODY,
        METHOD,
        MEDIA_TYPE,
        ENCODING,
        ACCEPT,
        HEADERS,
        DOCUMENT,
        OPERATION,
        VARIABLES,
        GET_PARAMETERS,
        HTTP_FRAMING
    }

    /** The kind of answer the request must get. */
    enum Answer {
        /** Refused by the gateway over HTTP: a 4xx with a GraphQL-shaped body. */
        REFUSED,
        /**
         * A GraphQL request error (parse, validation, variables, operation choice): 400 in
         * {@code application/graphql-response+json}, or 200 in {@code application/json} for legacy clients, with a
         * GraphQL-shaped body and no data.
         */
        REQUEST_ERROR,
        /**
         * Not valid HTTP/1.1, or beyond the server's own limits: Vert.x answers before any route runs, with a bare
         * 4xx and no body, or closes the connection. The gateway cannot shape this answer.
         */
        HTTP_LAYER
    }

    @Override
    public String toString() {
        return category + " / " + name;
    }
}
