package org.cdpdesktop.core.ingest;

import java.util.List;
import java.util.Map;
import org.cdpdesktop.core.profile.ProfileField;

/**
 * A data row with every value cleaned, ready to merge; {@code values} is indexed by {@link ProfileField#ordinal()}. The
 * JSON forms of its lists and the {@link KeyIndex#hash}es of its keys (0 when absent) are computed by the reader
 * thread, so the writer, the import's bottleneck, need not serialise a row that becomes a profile unmerged nor hash
 * its keys.
 */
record CleanRow(long line, Object[] values, List<String> interests, Map<String, String> attributes, List<String> cohorts,
                String interestsJson, String attributesJson, long externalIdHash, long emailHash) {

    CleanRow(long line, Object[] values, List<String> interests, Map<String, String> attributes, List<String> cohorts,
             String interestsJson, String attributesJson) {
        this(line, values, interests, attributes, cohorts, interestsJson, attributesJson, keyHash(values[ProfileField.EXTERNAL_ID.ordinal()]),
                keyHash(values[ProfileField.EMAIL.ordinal()]));
    }

    /**
     * The key's {@link KeyIndex} hash; computing its {@link String#hashCode} here too caches it in the string, so the
     * writer's per-chunk maps of keys find it ready.
     */
    private static long keyHash(Object key) {
        if (key == null) {
            return 0;
        }
        String text = (String) key;
        text.hashCode();
        return KeyIndex.hash(text);
    }

    String externalId() {
        return (String) values[ProfileField.EXTERNAL_ID.ordinal()];
    }

    String email() {
        return (String) values[ProfileField.EMAIL.ordinal()];
    }
}
