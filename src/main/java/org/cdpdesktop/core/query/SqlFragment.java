package org.cdpdesktop.core.query;

import java.util.List;

/** A boolean SQL expression over the profile table aliased {@code p}, and the values bound to its {@code ?}s in order. */
public record SqlFragment(String sql, List<Object> parameters) {

    public SqlFragment {
        parameters = List.copyOf(parameters);
    }
}
