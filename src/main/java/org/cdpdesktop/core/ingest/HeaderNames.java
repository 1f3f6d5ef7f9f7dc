package org.cdpdesktop.core.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Column names made unique the same way for every format: a blank name becomes {@code column_N}, a repeat {@code name_2}. */
final class HeaderNames {

    private HeaderNames() {
    }

    /** Unique names for {@code raw}, each problem (blank or repeated name) said in {@code problems}. */
    static List<String> unique(List<String> raw, List<String> problems) {
        Set<String> taken = new HashSet<>();
        for (String value : raw) {
            taken.add(value == null ? "" : value.strip());
        }
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String name = raw.get(i) == null ? "" : raw.get(i).strip();
            if (name.isEmpty()) {
                name = unique("column_" + (i + 1), used, taken);
                problems.add("Column " + (i + 1) + " has no name; it is called '" + name + "'");
            } else if (used.contains(name)) {
                String renamed = unique(name, used, taken);
                problems.add("Column '" + name + "' appears more than once; column " + (i + 1) + " is called '" + renamed + "'");
                name = renamed;
            }
            used.add(name);
            names.add(name);
        }
        return List.copyOf(names);
    }

    /** {@code name} itself when free, else {@code name_2}, {@code name_3}... avoiding every name in the header. */
    private static String unique(String name, Set<String> used, Set<String> taken) {
        if (!used.contains(name) && !taken.contains(name)) {
            return name;
        }
        for (int n = 2; ; n++) {
            String candidate = name + "_" + n;
            if (!used.contains(candidate) && !taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Why a row's values cannot be stored (a value over the size limit or with binary data), or {@code null}. */
    static String check(List<String> headers, String[] values) {
        for (int i = 0; i < values.length; i++) {
            String value = values[i];
            if (value.length() > CsvSource.MAX_FIELD_CHARS) {
                return String.format("column '%s' is %,d characters long; at most %,d are allowed",
                        headers.get(i), value.length(), CsvSource.MAX_FIELD_CHARS);
            }
            if (value.indexOf('\u0000') >= 0) {
                return "column '" + headers.get(i) + "' contains binary data (a NUL character)";
            }
        }
        return null;
    }
}
