package app.tinylytics.gateway.transport;

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
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The GraphQL spec's input coercion of variable values, applied strictly to the JSON a client sent: an {@code Int} is
 * a whole number that fits 32 bits, an {@code ID} a string or whole number, a {@code String} a string, an enum one of
 * its values, an input object only its own fields. SmallRye's scalars are lenient (they turn {@code true} into an ID
 * and {@code "abc"} into an attempted Int), so a badly typed variable would otherwise reach a resolver.
 */
final class VariableTypes {

    private VariableTypes() {
    }

    /** Every variable of the operation checked; the first misfit is a {@code BAD_USER_INPUT} request error. */
    static void check(GraphQLSchema schema, List<VariableDefinition> definitions, Map<String, Object> values) {
        for (VariableDefinition definition : definitions) {
            String name = "$" + definition.getName();
            boolean given = values.containsKey(definition.getName());
            Object value = values.get(definition.getName());
            if (!given && definition.getDefaultValue() != null) {
                continue;
            }
            check(schema, definition.getType(), value, name, given);
        }
    }

    private static void check(GraphQLSchema schema, Type<?> type, Object value, String path, boolean given) {
        if (type instanceof NonNullType nonNull) {
            if (value == null) {
                throw refusal(path, given ? "must not be null" : "is required");
            }
            check(schema, nonNull.getType(), value, path, true);
            return;
        }
        if (value == null) {
            return;
        }
        if (type instanceof ListType list) {
            if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    check(schema, list.getType(), items.get(i), path + "[" + i + "]", true);
                }
            } else {
                check(schema, list.getType(), value, path, true); // a single value stands for a list of one
            }
            return;
        }
        GraphQLType named = schema.getType(((TypeName) type).getName());
        if (named instanceof GraphQLScalarType scalar) {
            checkScalar(scalar.getName(), value, path);
        } else if (named instanceof GraphQLEnumType enumType) {
            if (!(value instanceof String text) || enumType.getValue(text) == null) {
                throw refusal(path, "must be one of " + enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList());
            }
        } else if (named instanceof GraphQLInputObjectType input) {
            checkInputObject(schema, input, value, path);
        }
    }

    private static void checkScalar(String scalar, Object value, String path) {
        String rule = scalarMisfit(scalar, value);
        if (rule != null) {
            throw refusal(path, rule);
        }
    }

    /**
     * The rule {@code value} breaks for the built-in or date scalar {@code scalar} ("must be an Int: ..."), or null when
     * it fits. Values are as JSON gives them: whole numbers as Integer, Long or BigInteger, others as Number.
     */
    static String scalarMisfit(String scalar, Object value) {
        return switch (scalar) {
            case "Int" -> isWhole(value) && fitsInt(value) ? null : "must be an Int: a whole number from -2147483648 to 2147483647";
            case "Float" -> value instanceof Number ? null : "must be a Float: a number";
            case "ID" -> value instanceof String || isWhole(value) ? null : "must be an ID: a string or a whole number";
            case "Boolean" -> value instanceof Boolean ? null : "must be a Boolean: true or false";
            case "String" -> value instanceof String ? null : "must be a String given as a string";
            // SmallRye takes any string here and fails only in the resolver; these formats are exactly what it parses.
            case "Date" -> value instanceof String text && parses(text, DateTimeFormatter.ISO_LOCAL_DATE) ? null
                    : "must be a Date: a string YYYY-MM-DD";
            case "DateTime" -> value instanceof String text && parses(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME) ? null
                    : "must be a DateTime: an ISO-8601 string with an offset, e.g. 2026-02-12T09:00:00Z";
            // Other scalars (JSON, ...) accept any value; their own coercion decides.
            default -> null;
        };
    }

    private static void checkInputObject(GraphQLSchema schema, GraphQLInputObjectType input, Object value, String path) {
        if (!(value instanceof Map<?, ?> fields)) {
            throw refusal(path, "must be a " + input.getName() + " object");
        }
        for (Object key : fields.keySet()) {
            if (input.getField(String.valueOf(key)) == null) {
                throw refusal(path + "." + key, "is not a field of " + input.getName());
            }
        }
        for (GraphQLInputObjectField field : input.getFields()) {
            Object fieldValue = fields.get(field.getName());
            boolean given = fields.containsKey(field.getName());
            if (!given && field.hasSetDefaultValue()) {
                continue;
            }
            check(schema, astType(field.getType()), fieldValue, path + "." + field.getName(), given);
        }
    }

    /** The AST form of an input field's schema type, so fields are checked exactly like variables. */
    private static Type<?> astType(GraphQLType type) {
        if (GraphQLTypeUtil.isNonNull(type)) {
            return new NonNullType(astType(GraphQLTypeUtil.unwrapNonNull(type)));
        }
        if (type instanceof GraphQLList list) {
            return new ListType(astType(list.getWrappedType()));
        }
        return new TypeName(((GraphQLNamedType) type).getName());
    }

    private static boolean isWhole(Object value) {
        // JSON 1.0 and 1.5 alike are not integers: the spec's Int input coercion takes integer literals only.
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger || value instanceof Short;
    }

    private static boolean fitsInt(Object value) {
        BigInteger whole = value instanceof BigInteger big ? big : BigInteger.valueOf(((Number) value).longValue());
        return whole.bitLength() < 32;
    }

    private static boolean parses(String text, DateTimeFormatter format) {
        try {
            format.parse(text);
            return true;
        } catch (DateTimeParseException invalid) {
            return false;
        }
    }

    private static RequestRefusal refusal(String path, String rule) {
        return RequestRefusal.requestError("BAD_USER_INPUT", "Variable '" + path + "' " + rule + ".");
    }
}
