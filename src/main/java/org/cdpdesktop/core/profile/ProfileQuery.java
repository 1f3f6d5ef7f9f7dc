package org.cdpdesktop.core.profile;

/**
 * What the profiles listing shows: the quick search text, the import file the profiles came from, and the order.
 * Every part is optional; {@link #ALL} shows every profile in the store's order.
 *
 * @param search       case-insensitive text found anywhere in email, first or last name, full name, external id or
 *                     city (so prefixes match too); a number also matches the profile id. Blank means no search.
 * @param importedFrom a file name: only profiles that an import of a file of that name inserted or updated
 */
public record ProfileQuery(String search, String importedFrom, ProfileSort sort) {

    public static final ProfileQuery ALL = new ProfileQuery(null, null, ProfileSort.NATURAL);

    public ProfileQuery {
        search = search == null || search.isBlank() ? null : search.trim();
        importedFrom = importedFrom == null || importedFrom.isBlank() ? null : importedFrom;
        sort = sort == null ? ProfileSort.NATURAL : sort;
    }

    public ProfileQuery withSearch(String text) {
        return new ProfileQuery(text, importedFrom, sort);
    }

    public ProfileQuery withImportedFrom(String fileName) {
        return new ProfileQuery(search, fileName, sort);
    }

    public ProfileQuery withSort(ProfileSort order) {
        return new ProfileQuery(search, importedFrom, order);
    }
}
