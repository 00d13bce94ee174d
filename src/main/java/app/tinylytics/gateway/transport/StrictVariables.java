package app.tinylytics.gateway.transport;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;

/**
 * The GraphQL spec's input coercion of variable values, applied strictly to the scalars whose SmallRye coercion is
 * lenient at this point and fails only later, during execution: {@code Int}, {@code Float}, {@code String},
 * {@code Boolean}, {@code ID}, {@code Date} and {@code DateTime}. A value that does not fit is a request error.
 */
final class StrictVariables {

    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private StrictVariables() {
    }

    /** Refuses the first provided variable value (at any depth) that its declared type cannot take. */
    static void check(GraphQLSchema schema, List<VariableDefinition> definitions, Map<String, Object> values) {
        for (VariableDefinition definition : definitions) {
            if (values.containsKey(definition.getName())) {
                check(inputType(schema, definition.getType()), values.get(definition.getName()), "$" + definition.getName());
            }
        }
    }

    /** The schema type a variable declares (validation has made sure it is an input type). */
    private static GraphQLInputType inputType(GraphQLSchema schema, Type<?> declared) {
        if (declared instanceof NonNullType nonNull) {
            return GraphQLNonNull.nonNull(inputType(schema, nonNull.getType()));
        }
        if (declared instanceof ListType list) {
            return GraphQLList.list(inputType(schema, list.getType()));
        }
        return (GraphQLInputType) schema.getType(((TypeName) declared).getName());
    }

    private static void check(GraphQLInputType type, Object value, String path) {
        if (value == null) {
            return; // null for a non-null type is the ordinary coercion's to refuse
        }
        GraphQLInputType unwrapped = type instanceof GraphQLNonNull nonNull ? (GraphQLInputType) nonNull.getWrappedType() : type;
        if (unwrapped instanceof GraphQLList list) {
            GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
            if (value instanceof List<?> elements) {
                for (int i = 0; i < elements.size(); i++) {
                    check(element, elements.get(i), path + "[" + i + "]");
                }
            } else {
                check(element, value, path); // a single value stands for a list of one
            }
        } else if (unwrapped instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                if (fields.containsKey(field.getName())) {
                    check(field.getType(), fields.get(field.getName()), path + "." + field.getName());
                }
            }
        } else if (unwrapped instanceof GraphQLScalarType scalar && !fits(scalar.getName(), value)) {
            throw RequestRefusal.requestError("BAD_USER_INPUT", "Variable '" + path + "' has an invalid value: "
                    + describe(value) + " is not " + article(scalar.getName()) + ".");
        }
    }

    private static boolean fits(String scalar, Object value) {
        return switch (scalar) {
            case "Int" -> {
                BigDecimal integer = integral(value);
                yield integer != null && integer.compareTo(INT_MIN) >= 0 && integer.compareTo(INT_MAX) <= 0;
            }
            case "Float" -> value instanceof Number number && Double.isFinite(number.doubleValue());
            case "String" -> value instanceof String;
            case "Boolean" -> value instanceof Boolean;
            case "ID" -> value instanceof String || integral(value) != null;
            case "Date" -> value instanceof String text && parses(text, DateTimeFormatter.ISO_LOCAL_DATE);
            case "DateTime" -> value instanceof String text && parses(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            default -> true; // enums and the other scalars (JSON, BigDecimal, ...) coerce strictly themselves
        };
    }

    /** The value as an integer if it is a JSON number without a fraction, else null. */
    private static BigDecimal integral(Object value) {
        BigDecimal number;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            number = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            number = new BigDecimal(big);
        } else if (value instanceof BigDecimal decimal) {
            number = decimal;
        } else if (value instanceof Double || value instanceof Float) {
            double real = ((Number) value).doubleValue();
            if (!Double.isFinite(real)) {
                return null;
            }
            number = BigDecimal.valueOf(real);
        } else {
            return null;
        }
        return number.stripTrailingZeros().scale() <= 0 ? number : null;
    }

    private static boolean parses(String text, DateTimeFormatter format) {
        try {
            format.parse(text);
            return true;
        } catch (DateTimeParseException invalid) {
            return false;
        }
    }

    private static String describe(Object value) {
        if (value instanceof String text) {
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        String number = String.valueOf(value);
        return "the number " + (number.length() > 40 ? number.substring(0, 40) + "…" : number);
    }

    private static String article(String scalar) {
        return switch (scalar) {
            case "Int", "ID" -> "an " + scalar;
            default -> "a " + scalar;
        };
    }
}
