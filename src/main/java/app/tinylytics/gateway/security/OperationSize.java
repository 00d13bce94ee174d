package app.tinylytics.gateway.security;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * How deep and how large an operation is, counted the way graphql-java's depth and complexity instrumentations count
 * (depth: levels of fields; complexity: one per field, children included), but from the document in linear time:
 * each fragment is measured once and counted at every spread. graphql-java walks every spread again, so a document
 * whose fragments spread each other twice over twenty levels would take a million steps to measure; here its
 * complexity simply comes out in the millions and the operation is refused, with a code, before anything runs.
 * Conditional directives are not evaluated: both branches count, which can only overestimate.
 */
public record OperationSize(int depth, long complexity) {

    public static OperationSize of(Document document, OperationDefinition operation) {
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
        return new Measure(fragments).of(operation.getSelectionSet());
    }

    /** One measurement, remembering each fragment's size. */
    private static final class Measure {

        private static final OperationSize NOTHING = new OperationSize(0, 0);

        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, OperationSize> measured = new HashMap<>();

        Measure(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        OperationSize of(SelectionSet set) {
            if (set == null) {
                return NOTHING;
            }
            int depth = 0;
            long complexity = 0;
            for (Selection<?> selection : set.getSelections()) {
                OperationSize size;
                if (selection instanceof Field field) {
                    OperationSize children = of(field.getSelectionSet());
                    size = new OperationSize(children.depth() + 1, saturated(children.complexity() + 1));
                } else if (selection instanceof InlineFragment inline) {
                    size = of(inline.getSelectionSet());
                } else if (selection instanceof FragmentSpread spread) {
                    size = fragment(spread.getName());
                } else {
                    size = NOTHING;
                }
                depth = Math.max(depth, size.depth());
                complexity = saturated(complexity + size.complexity());
            }
            return new OperationSize(depth, complexity);
        }

        private OperationSize fragment(String name) {
            OperationSize known = measured.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            measured.put(name, NOTHING); // a cycle (refused by validation anyway) ends here
            OperationSize size = definition == null ? NOTHING : of(definition.getSelectionSet());
            measured.put(name, size);
            return size;
        }

        private static long saturated(long value) {
            return value < 0 ? Long.MAX_VALUE : value;
        }
    }
}
