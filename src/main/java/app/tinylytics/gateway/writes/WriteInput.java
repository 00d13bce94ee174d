package app.tinylytics.gateway.writes;

/**
 * A mutation's input: checked before anything is sent, then sent as its upstream body {@code B}.
 * {@link WritesApi} runs every single and batch write through these two steps.
 */
interface WriteInput<B> {

    /** Throws {@code BAD_USER_INPUT} naming the field; {@code argument} is how the input is reported, e.g. {@code hits[3]}. */
    void validate(String argument);

    B toUpstream();
}
