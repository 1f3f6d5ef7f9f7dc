package org.cdpdesktop.gui.profiles;

import org.cdpdesktop.core.profile.ProfileQuery;
import org.cdpdesktop.core.profile.ProfileSort;

/**
 * What the filter bar holds. Every part is optional ({@code null} or blank means "any").
 */
public record ProfileFilter(String search, String importedFrom) {

    public static final ProfileFilter NONE = new ProfileFilter(null, null);

    public ProfileFilter {
        search = blankToNull(search);
        importedFrom = blankToNull(importedFrom);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    public ProfileFilter withSearch(String text) {
        return new ProfileFilter(text, importedFrom);
    }

    ProfileQuery toQuery(ProfileSort sort) {
        return new ProfileQuery(search, importedFrom, sort);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
