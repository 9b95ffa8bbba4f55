package dev.metastudio.emulator.live;

import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.edge.QueryParams;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** List filters of the live APIs: fuzzy text, bar-separated multi-value columns and inclusive time bounds. */
public final class LiveQueries {
    private LiveQueries() {
    }

    /** Case-insensitive "contains". */
    public static Predicate contains(CriteriaBuilder cb, Expression<String> column, String text) {
        return cb.like(cb.lower(column), "%" + escape(text) + "%", '\\');
    }

    /** A multi-value column ({@link #bars}) holding the exact value. */
    public static Predicate holds(CriteriaBuilder cb, Expression<String> column, String value) {
        return cb.like(column, "%|" + escapeExact(value) + "|%", '\\');
    }

    /** A multi-value column with one of its values containing the text, case-insensitively. */
    public static Predicate holdsLike(CriteriaBuilder cb, Expression<String> column, String text) {
        return contains(cb, column, text);
    }

    /** Values stored between bars ("|a|b|"), or null when there are none. */
    public static String bars(Collection<String> values) {
        List<String> kept = values.stream().filter(v -> v != null && !v.isEmpty()).distinct().toList();
        return kept.isEmpty() ? null : kept.stream().map(v -> v.replace("|", "/"))
                .collect(Collectors.joining("|", "|", "|"));
    }

    /**
     * create_since / create_until, both inclusive ("not earlier than" / "not later than"); answered times are whole
     * seconds, so until covers its whole second.
     */
    public static void createdWithin(CriteriaBuilder cb, Expression<Instant> column, QueryParams q,
                                     List<Predicate> where) {
        Instant since = ApiTime.parse(q.text("create_since"), "create_since");
        Instant until = ApiTime.parse(q.text("create_until"), "create_until");
        if (since != null) {
            where.add(cb.greaterThanOrEqualTo(column, since.truncatedTo(ChronoUnit.SECONDS)));
        }
        if (until != null) {
            where.add(cb.lessThan(column, until.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)));
        }
    }

    private static String escape(String text) {
        return escapeExact(text.toLowerCase(Locale.ROOT));
    }

    private static String escapeExact(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
