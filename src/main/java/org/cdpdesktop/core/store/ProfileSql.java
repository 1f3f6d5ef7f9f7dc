package org.cdpdesktop.core.store;

import org.cdpdesktop.core.profile.ProfileColumn;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.profile.ProfileSort;
import org.cdpdesktop.core.query.ProfileQuery;
import java.util.ArrayList;
import java.util.List;
import org.cdpdesktop.core.query.ConditionSql;
import org.cdpdesktop.core.query.SqlFragment;

/** The SQL of a {@link ProfileQuery} over {@code profile p}; user values are always bound parameters. */
final class ProfileSql {

    private static final String BLANKS_LAST = " NULLS LAST";

    private ProfileSql() {
    }

    static SqlFragment where(ProfileQuery query) {
        List<String> terms = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (query.filter() != null) {
            SqlFragment condition = ConditionSql.toSql(query.filter());
            terms.add(condition.sql());
            parameters.addAll(condition.parameters());
        }
        if (query.search() != null) {
            String pattern = ProfileBrowser.likeContains(query.search());
            StringBuilder search = new StringBuilder("(p.email LIKE ? ESCAPE '\\' OR p.external_id LIKE ? ESCAPE '\\'"
                    + " OR p.city LIKE ? ESCAPE '\\'"
                    + " OR (coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')) LIKE ? ESCAPE '\\'");
            parameters.addAll(List.of(pattern, pattern, pattern, pattern));
            if (query.search().chars().allMatch(Character::isDigit) && query.search().length() < 19) {
                search.append(" OR p.id = ?");
                parameters.add(Long.parseLong(query.search()));
            }
            terms.add(search.append(')').toString());
        }
        if (query.importedFrom() != null) {
            // The batch that inserted a profile is on its row, later ones in profile_import. Tested row by row, the
            // cheap first test settles most rows, and the listing's first page needs no set of all matching ids.
            terms.add("(p.import_batch_id IN (SELECT b.id FROM import_batch b WHERE b.file_name = ?)"
                    + " OR EXISTS (SELECT 1 FROM profile_import i JOIN import_batch b ON b.id = i.batch_id"
                    + " WHERE i.profile_id = p.id AND b.file_name = ?))");
            parameters.add(query.importedFrom());
            parameters.add(query.importedFrom());
        }
        return new SqlFragment(terms.isEmpty() ? "1" : String.join(" AND ", terms), parameters);
    }

    /**
     * Text sorts ignore case, as the filters do, and so can walk the NOCASE indexes; external ids and emails (stored
     * lower-cased) sort as stored, along their unique indexes. Blank values go last in both directions, as in a
     * spreadsheet; SQLite still walks the column's index for a NULLS LAST first key (it reads the index's non-null
     * part, then its null part). Ties go by id so that pages never overlap, except for country, whose index orders ties
     * by age first: following it keeps a deep page an index walk instead of a sort.
     */
    static SqlFragment orderBy(ProfileSort sort) {
        String direction = sort.descending() ? " DESC" : "";
        if (sort.isNatural()) {
            return new SqlFragment("p.id" + direction, List.of());
        }
        ProfileColumn column = sort.column();
        if (column.isAttribute()) {
            return new SqlFragment("json_extract(p.attributes, ?) COLLATE NOCASE" + direction + BLANKS_LAST + ", p.id" + direction,
                    List.of(column.attributePath()));
        }
        ProfileField field = column.field();
        if (field.type() == ProfileField.FieldType.LIST) {
            // The list is JSON text, never NULL: an empty list is its blank.
            return new SqlFragment("p." + field.column() + " = '[]', p." + field.column() + direction + ", p.id" + direction, List.of());
        }
        boolean asStored = field.type() != ProfileField.FieldType.TEXT || field == ProfileField.EXTERNAL_ID || field == ProfileField.EMAIL;
        String key = "p." + field.column() + (asStored ? "" : " COLLATE NOCASE") + direction + BLANKS_LAST;
        if (field == ProfileField.COUNTRY) {
            // Only the first key may say NULLS LAST and still walk the index; a country's profiles without an age
            // come first among its ties ascending, last descending.
            key += ", p.age" + direction;
        }
        return new SqlFragment(key + ", p.id" + direction, List.of());
    }
}
