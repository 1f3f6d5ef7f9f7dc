package org.cdpdesktop.core.profile;

/** The order of a profile listing; ties are broken by profile id so that pages never overlap. */
public record ProfileSort(ProfileColumn column, boolean descending) {

    /** The store's own order: oldest profile first. */
    public static final ProfileSort NATURAL = new ProfileSort(null, false);

    public static ProfileSort by(ProfileColumn column, boolean descending) {
        return new ProfileSort(column, descending);
    }

    /** Parses {@code FIELD} or {@code -FIELD} (descending), as the CLI's {@code --sort} takes it. */
    public static ProfileSort parse(String text) {
        String trimmed = text.trim();
        boolean descending = trimmed.startsWith("-");
        return new ProfileSort(ProfileColumn.parse(descending ? trimmed.substring(1) : trimmed), descending);
    }

    public boolean isNatural() {
        return column == null;
    }
}
