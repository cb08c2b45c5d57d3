package io.paprika.kernel.query.plan;

import java.util.Optional;
import java.util.Set;

/**
 * One item of a top-level FROM clause as pushdown sees it.
 *
 * @param alias    the name columns are qualified with (alias, else table name), lower case
 * @param dataset  the dataset it reads, lower case; empty for a subquery, function or CTE
 * @param columns  the item's columns, lower case; empty when not known
 * @param nullable true on the null-supplying side of an outer join: filters must not move there
 */
record FromEntry(String alias, Optional<String> dataset, Optional<Set<String>> columns, boolean nullable) {
}
