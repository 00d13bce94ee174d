package app.tinylytics.gateway.security;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.Name;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import app.tinylytics.gateway.sites.Site;

/**
 * The upstream calls an operation plans, counted from its document before anything runs: one per root field
 * (introspection aside) and one per upstream-backed {@code Site} field under each {@code site} field. Under
 * {@code sites} each such field counts once, since the number of sites is only known after the call;
 * {@code UpstreamAccess} enforces the same limit on the calls actually made.
 */
public record OperationPlan(int upstreamCalls, int siteFields) {

    /**
     * Site fields that are plain values of one upstream answer: the {@link Site} record's components, under their
     * GraphQL names. Every other Site field is a {@code @Source} resolver that calls upstream.
     */
    static final Set<String> SITE_VALUES = siteValues();
    /** Root fields that return sites: their selections run once per site. */
    private static final Set<String> SITE_ROOTS = Set.of("site", "sites", "siteUpdates");
    /** Root fields that select one site by id, counted against the site-field limit. */
    private static final Set<String> ONE_SITE = Set.of("site", "siteUpdates");

    public static OperationPlan of(Document document, OperationDefinition operation) {
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
        int calls = 0;
        int siteFields = 0;
        for (Field root : fields(operation.getSelectionSet(), fragments)) {
            if (root.getName().startsWith("__")) {
                continue;
            }
            calls++;
            if (ONE_SITE.contains(root.getName())) {
                siteFields++;
            }
            if (SITE_ROOTS.contains(root.getName())) {
                calls += (int) fields(root.getSelectionSet(), fragments).stream()
                        .filter(field -> !SITE_VALUES.contains(field.getName()) && !field.getName().startsWith("__"))
                        .count();
            }
        }
        return new OperationPlan(calls, siteFields);
    }

    private static Set<String> siteValues() {
        return Arrays.stream(Site.class.getRecordComponents())
                .map(component -> {
                    Name name = component.getAccessor().getAnnotation(Name.class);
                    return name != null ? name.value() : component.getName();
                })
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The fields of a selection set with fragments expanded (each fragment once per set, so cycles end). */
    private static List<Field> fields(SelectionSet set, Map<String, FragmentDefinition> fragments) {
        List<Field> fields = new java.util.ArrayList<>();
        collect(set, fragments, fields, new HashSet<>());
        return fields;
    }

    private static void collect(SelectionSet set, Map<String, FragmentDefinition> fragments, List<Field> into,
            Set<String> seen) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                into.add(field);
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), fragments, into, seen);
            } else if (selection instanceof FragmentSpread spread && seen.add(spread.getName())
                    && fragments.containsKey(spread.getName())) {
                collect(fragments.get(spread.getName()).getSelectionSet(), fragments, into, seen);
            }
        }
    }
}
