package org.cdpdesktop.core.profile;

import java.util.ArrayList;
import java.util.List;

/** A piece of SQL over {@code profile p} with its bound parameters; user values are never part of the text. */
public record ProfileSql(String sql, List<Object> parameters) {

    public ProfileSql {
        parameters = List.copyOf(parameters);
    }

    static ProfileSql where(ProfileQuery query) {
        List<String> terms = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
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
            terms.add("p.id IN (SELECT i.profile_id FROM profile_import i JOIN import_batch b ON b.id = i.batch_id WHERE b.file_name = ?)");
            parameters.add(query.importedFrom());
        }
        return new ProfileSql(terms.isEmpty() ? "1" : String.join(" AND ", terms), parameters);
    }

    static ProfileSql orderBy(ProfileSort sort) {
        String direction = sort.descending() ? " DESC" : "";
        if (sort.isNatural()) {
            return new ProfileSql("p.id" + direction, List.of());
        }
        ProfileColumn column = sort.column();
        if (column.isAttribute()) {
            return new ProfileSql("json_extract(p.attributes, ?)" + direction + ", p.id" + direction, List.of(column.attributePath()));
        }
        return new ProfileSql("p." + column.field().column() + direction + ", p.id" + direction, List.of());
    }
}
