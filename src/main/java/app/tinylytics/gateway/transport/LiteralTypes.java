package app.tinylytics.gateway.transport;

import java.util.List;
import java.util.Locale;

import graphql.i18n.I18n;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Document;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.AbstractRule;
import graphql.validation.LanguageTraversal;
import graphql.validation.RulesVisitor;
import graphql.validation.ValidationContext;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorCollector;
import graphql.validation.ValidationErrorType;

/**
 * The spec's input coercion of argument literals, applied as strictly as {@link VariableTypes} applies it to variable
 * values: {@code kudos(perPage: "5")} and {@code perPage: 99999999999} are validation errors, not values SmallRye's
 * lenient scalars turn into an {@code Int} or hand to a resolver. Runs as one more validation rule over the document,
 * once per document (the {@link Documents} cache keeps the result). Enums, input-object fields and nullness are
 * already strict in graphql-java's own rules; only scalar literals are checked here.
 * <p>
 * Uses graphql-java's validation traversal (marked internal there) so that each argument is seen with its schema
 * type, through fragments and directives alike, exactly as graphql-java's own {@code ArgumentsOfCorrectType} sees it.
 */
final class LiteralTypes extends AbstractRule {

    /** Ten misfits tell the client enough. */
    private static final int MAX_ERRORS = 10;

    private LiteralTypes(ValidationContext context, ValidationErrorCollector errors) {
        super(context, errors);
    }

    /** The literal misfits of an otherwise valid document, as validation errors naming the argument and the rule. */
    static List<ValidationError> check(GraphQLSchema schema, Document document) {
        ValidationContext context = new ValidationContext(schema, document, I18n.i18n(I18n.BundleType.Validation, Locale.ROOT));
        ValidationErrorCollector errors = new ValidationErrorCollector(Integer.MAX_VALUE);
        new LanguageTraversal().traverse(document, new RulesVisitor(context, List.of(new LiteralTypes(context, errors))));
        return errors.getErrors();
    }

    @Override
    public void checkArgument(Argument argument) {
        GraphQLArgument definition = getValidationContext().getArgument();
        if (definition != null) {
            check(argument, argument.getValue(), definition.getType(), "argument '" + argument.getName() + "'");
        }
    }

    private void check(Argument argument, Value<?> value, GraphQLType type, String path) {
        if (value == null || value instanceof NullValue || value instanceof VariableReference) {
            return; // nullness is graphql-java's rule; variables are checked against their values (VariableTypes)
        }
        GraphQLType nullable = GraphQLTypeUtil.unwrapNonNull(type);
        if (nullable instanceof GraphQLList list) {
            if (value instanceof ArrayValue items) {
                for (int i = 0; i < items.getValues().size(); i++) {
                    check(argument, items.getValues().get(i), list.getWrappedType(), path + "[" + i + "]");
                }
            } else {
                check(argument, value, list.getWrappedType(), path); // a single value stands for a list of one
            }
        } else if (nullable instanceof GraphQLInputObjectType input && value instanceof ObjectValue object) {
            for (ObjectField field : object.getObjectFields()) {
                GraphQLInputObjectField definition = input.getField(field.getName());
                if (definition != null) {
                    check(argument, field.getValue(), definition.getType(), path + "." + field.getName());
                }
            }
        } else if (nullable instanceof GraphQLScalarType scalar) {
            String rule = VariableTypes.scalarMisfit(scalar.getName(), jsonValueOf(value));
            if (rule != null && getErrors().size() < MAX_ERRORS) {
                addError(ValidationError.newValidationError().validationErrorType(ValidationErrorType.WrongType)
                        .sourceLocation(argument.getSourceLocation())
                        .description(path + " " + rule + ".")
                        .queryPath(getQueryPath()));
            }
        }
    }

    /** A scalar literal as the JSON value a variable would carry; anything else (an enum, an object) fits no scalar rule. */
    private static Object jsonValueOf(Value<?> value) {
        if (value instanceof IntValue whole) {
            return whole.getValue();
        }
        if (value instanceof FloatValue number) {
            return number.getValue();
        }
        if (value instanceof StringValue text) {
            return text.getValue();
        }
        if (value instanceof BooleanValue truth) {
            return truth.isValue();
        }
        return value;
    }
}
