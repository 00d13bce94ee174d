package app.tinylytics.gateway.error;

import java.util.List;
import java.util.Map;

import jakarta.json.Json;

import io.smallrye.graphql.api.ErrorCode;

/**
 * An argument the gateway rejects before calling upstream, or upstream's 400/422; the message names
 * the argument and the rule, and upstream's {@code errors[]} travel as {@code extensions.validationErrors}.
 */
@ErrorCode("BAD_USER_INPUT")
public final class BadUserInputException extends GatewayException {

    private final List<String> validationErrors;

    public BadUserInputException(String message) {
        this(message, List.of());
    }

    public BadUserInputException(String message, List<String> validationErrors) {
        super(message);
        this.validationErrors = List.copyOf(validationErrors);
    }

    /** Upstream's validation messages; empty for arguments the gateway rejected itself. */
    public List<String> validationErrors() {
        return validationErrors;
    }

    /** SmallRye copies {@code JsonValue}s as they are (other values would become strings). */
    @Override
    public Map<String, Object> getExtensions() {
        return validationErrors.isEmpty() ? Map.of() : Map.of("validationErrors", Json.createArrayBuilder(validationErrors).build());
    }

    /** An argument that breaks a rule, e.g. {@code argument("perPage", "must be between 1 and 1000")}. */
    public static BadUserInputException argument(String name, String rule) {
        return new BadUserInputException("Argument '" + name + "' " + rule + ".");
    }
}
