package org.cdpdesktop.core.ingest;

import java.util.List;
import java.util.Map;
import org.cdpdesktop.core.profile.ProfileField;

/**
 * A data row with every value cleaned, ready to merge; {@code values} is indexed by {@link ProfileField#ordinal()}. The
 * JSON forms of its lists are written by the reader thread, so the writer, the import's bottleneck, need not serialise
 * a row that becomes a profile unmerged.
 */
record CleanRow(long line, Object[] values, List<String> interests, Map<String, String> attributes, List<String> cohorts,
                String interestsJson, String attributesJson) {

    String externalId() {
        return (String) values[ProfileField.EXTERNAL_ID.ordinal()];
    }

    String email() {
        return (String) values[ProfileField.EMAIL.ordinal()];
    }
}
