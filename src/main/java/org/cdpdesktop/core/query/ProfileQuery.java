package org.cdpdesktop.core.query;

import org.cdpdesktop.core.profile.ProfileSort;


/**
 * What a profile listing shows: a condition (the same tree segments use), the quick search text, the import file
 * the profiles came from, and the order. Every part is optional; {@link #ALL} shows every profile in store order.
 *
 * @param filter       a condition over the profile, translated by {@link org.cdpdesktop.core.query.ConditionSql};
 *                     {@code null} for none
 * @param search       case-insensitive text found anywhere in email, first or last name, full name, external id or
 *                     city (so prefixes match too); a number also matches the profile id. Blank means no search.
 * @param importedFrom a file name: only profiles that an import of a file of that name inserted or updated. The
 *                     condition tree has no field for import history, so this part lives here.
 */
public record ProfileQuery(Condition filter, String search, String importedFrom, ProfileSort sort) {

    public static final ProfileQuery ALL = new ProfileQuery(null, null, null, ProfileSort.NATURAL);

    public ProfileQuery {
        search = search == null || search.isBlank() ? null : search.trim();
        importedFrom = importedFrom == null || importedFrom.isBlank() ? null : importedFrom;
        sort = sort == null ? ProfileSort.NATURAL : sort;
    }

    public ProfileQuery withFilter(Condition condition) {
        return new ProfileQuery(condition, search, importedFrom, sort);
    }

    public ProfileQuery withSearch(String text) {
        return new ProfileQuery(filter, text, importedFrom, sort);
    }

    public ProfileQuery withImportedFrom(String fileName) {
        return new ProfileQuery(filter, search, fileName, sort);
    }

    public ProfileQuery withSort(ProfileSort order) {
        return new ProfileQuery(filter, search, importedFrom, order);
    }
}
