package app.tinylytics.gateway.error;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;

import io.smallrye.graphql.api.ErrorExtensionProvider;

/** Adds upstream's validation messages as {@code extensions.validationErrors} to {@code BAD_USER_INPUT} errors. */
public class ValidationErrorsExtension implements ErrorExtensionProvider {

    @Override
    public String getKey() {
        return "validationErrors";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        if (!(exception instanceof BadUserInputException badInput) || badInput.validationErrors().isEmpty()) {
            return null;
        }
        JsonArrayBuilder errors = Json.createArrayBuilder();
        badInput.validationErrors().forEach(errors::add);
        return errors.build();
    }
}
