package app.tinylytics.simulator;

/** Normalises optional query and body values: Rails' {@code presence}, which treats blank like absent. */
final class Params {

    private Params() {
    }

    static String presence(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
