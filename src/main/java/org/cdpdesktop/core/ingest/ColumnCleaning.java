package org.cdpdesktop.core.ingest;

import org.cdpdesktop.core.profile.ProfileField;

/**
 * What cleaning did to one column mapped to a profile field, counted over the rows the import stored.
 *
 * @param normalised values stored in another form than written (trimmed, lower-cased, a country code named, a date
 *                   made ISO-8601, ...)
 * @param invalid    values that could not be cleaned: the field stays empty and the value is kept as given in the
 *                   custom attribute {@link #invalidAttribute()}
 */
public record ColumnCleaning(String column, ProfileField field, long normalised, long invalid) {

    /** The custom attribute that keeps this column's values that could not be cleaned, e.g. {@code invalid_email}. */
    public String invalidAttribute() {
        return RowCleaner.INVALID_PREFIX + field.column();
    }
}
