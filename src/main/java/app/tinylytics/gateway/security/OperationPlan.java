package app.tinylytics.gateway.security;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.Name;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;

import app.tinylytics.gateway.sites.Site;
import app.tinylytics.gateway.upstream.Endpoint;

/**
 * What an operation plans, counted from its document and variables before anything runs: upstream calls, one per
 * root field (introspection aside) and one per upstream-backed {@code Site} field under each {@code site} field;
 * {@code site} fields; and rows, the page sizes of its paged fields ({@code perPage}, {@value #DEFAULT_PAGE_SIZE}
 * when absent: upstream's default page size). Under {@code sites} each field counts once, since the number of sites
 * is only known after the call; {@code UpstreamAccess} enforces the same call limit on the calls actually made.
 */
public record OperationPlan(int upstreamCalls, int siteFields, long rows) {

    /** Rows a paged field counts for when it does not name {@code perPage}. */
    static final int DEFAULT_PAGE_SIZE = Endpoint.DEFAULT_PER_PAGE;
    private static final String PAGE_SIZE = "perPage";

    /**
     * Site fields that are plain values of one upstream answer: the {@link Site} record's components, under their
     * GraphQL names. Every other Site field is a {@code @Source} resolver that calls upstream.
     */
    static final Set<String> SITE_VALUES = siteValues();
    /** Root fields that return sites: their selections run once per site. */
    private static final Set<String> SITE_ROOTS = Set.of("site", "sites", "siteUpdates");
    /** Root fields that select one site by id, counted against the site-field limit. */
    private static final Set<String> ONE_SITE = Set.of("site", "siteUpdates");

    /** The plan of an operation without variables and without paged fields (rows 0): calls and site fields only. */
    public static OperationPlan of(Document document, OperationDefinition operation) {
        return of(document, operation, Map.of(), Set.of());
    }

    /**
     * The plan of an operation run with {@code variables}; {@code pagedSiteFields} are the {@code Site} fields that take
     * a {@code perPage} argument (read from the served schema).
     */
    public static OperationPlan of(Document document, OperationDefinition operation, Map<String, Object> variables,
            Set<String> pagedSiteFields) {
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
        int calls = 0;
        int siteFields = 0;
        long rows = 0;
        for (Field root : fields(operation.getSelectionSet(), fragments)) {
            if (root.getName().startsWith("__")) {
                continue;
            }
            calls++;
            if (ONE_SITE.contains(root.getName())) {
                siteFields++;
            }
            if (SITE_ROOTS.contains(root.getName())) {
                for (Field field : fields(root.getSelectionSet(), fragments)) {
                    if (!SITE_VALUES.contains(field.getName()) && !field.getName().startsWith("__")) {
                        calls++;
                        rows += pagedSiteFields.contains(field.getName()) ? pageSize(field, variables) : 0;
                    }
                }
            }
        }
        return new OperationPlan(calls, siteFields, rows);
    }

    /** A paged field's {@code perPage}, given literally or as a variable, else upstream's default page size. */
    private static long pageSize(Field field, Map<String, Object> variables) {
        Value<?> value = field.getArguments().stream().filter(argument -> argument.getName().equals(PAGE_SIZE))
                .findFirst().map(Argument::getValue).orElse(null);
        if (value instanceof IntValue literal) {
            return literal.getValue().longValue();
        }
        if (value instanceof VariableReference variable && variables.get(variable.getName()) instanceof Number given) {
            return given.longValue();
        }
        return DEFAULT_PAGE_SIZE;
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
