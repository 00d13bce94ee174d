package app.tinylytics.gateway.common;

import java.util.List;
import java.util.function.Function;

/** The small conversions every upstream-to-GraphQL mapping needs: absent lists and 64-bit counts. */
public final class Mapping {

    private Mapping() {
    }

    /** Each element mapped; upstream leaving a list out (null) means an empty list. */
    public static <A, B> List<B> each(List<A> list, Function<A, B> mapper) {
        return list == null ? List.of() : list.stream().map(mapper).toList();
    }

    /** The list, or an empty one when upstream left it out. */
    public static <A> List<A> orEmpty(List<A> list) {
        return list == null ? List.of() : list;
    }

    /** GraphQL Int is 32-bit: upstream counts beyond it are capped rather than wrapped. */
    public static int saturated(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }
}
