package org.cdpdesktop.core.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.cdpdesktop.core.profile.ProfileField;

/** A profile as an import sees it: loaded from the store or created by a row, then merged into. */
final class Draft {

    static final String OTHER_EXTERNAL_IDS = "other_external_ids";
    static final String OTHER_EMAILS = "other_emails";
    /** The profile columns an import writes, in the order the writer binds them. */
    static final ProfileField[] STORED = {
        ProfileField.EXTERNAL_ID, ProfileField.EMAIL, ProfileField.PHONE, ProfileField.FIRST_NAME, ProfileField.LAST_NAME,
        ProfileField.AGE, ProfileField.GENDER, ProfileField.CITY, ProfileField.STATE, ProfileField.COUNTRY,
        ProfileField.POSTAL_CODE, ProfileField.INCOME, ProfileField.EDUCATION, ProfileField.BIO, ProfileField.SIGNUP_DATE,
    };
    static final int FIELD_COUNT = ProfileField.values().length;
    private static final int EXT = ProfileField.EXTERNAL_ID.ordinal();
    private static final int EMAIL = ProfileField.EMAIL.ordinal();

    long id;
    boolean inDatabase;
    boolean touched;
    boolean dirty;
    boolean deleted;
    /** The profile this one was merged into, once {@link #deleted}. */
    Draft survivor;
    final Object[] values = new Object[FIELD_COUNT];
    final LinkedHashSet<String> interests = new LinkedHashSet<>();
    final TreeMap<String, String> attributes = new TreeMap<>();
    final Set<String> newCohorts = new LinkedHashSet<>();
    /** How many of the first {@link #interests} have their rows in the store; an import only ever appends interests. */
    int storedInterests;
    /** The JSON of {@link #interests} and {@link #attributes} while they are still exactly the creating row's. */
    String rowInterestsJson;
    String rowAttributesJson;

    String externalId() {
        return (String) values[EXT];
    }

    String email() {
        return (String) values[EMAIL];
    }

    /**
     * Merges a row into this profile by the duplicate policy; interests and cohorts are always a union. Identities are
     * never dropped whatever the policy: an external id or email of the row that the profile does not keep as its
     * own is added to the attributes {@code other_external_ids} / {@code other_emails}.
     */
    void mergeRow(CleanRow row, DuplicatePolicy policy) {
        forgetRowJson();
        for (ProfileField field : STORED) {
            int index = field.ordinal();
            Object incoming = row.values()[index];
            if (incoming == null || index == EXT || incoming.equals(values[index])) {
                continue;
            }
            Object current = values[index];
            boolean replace = policy == DuplicatePolicy.NEWEST || policy == DuplicatePolicy.FILL && current == null;
            if (index == EMAIL) {
                if (replace) {
                    values[index] = incoming;
                    dirty = true;
                    removeFromList(OTHER_EMAILS, (String) incoming);
                    if (current != null) {
                        appendToList(OTHER_EMAILS, (String) current);
                    }
                } else {
                    appendToList(OTHER_EMAILS, (String) incoming);
                }
            } else if (replace) {
                values[index] = incoming;
                dirty = true;
            }
        }
        if (row.externalId() != null && !row.externalId().equals(externalId())) {
            appendToList(OTHER_EXTERNAL_IDS, row.externalId());
        }
        if (policy != DuplicatePolicy.EXISTING) {
            row.attributes().forEach((key, value) -> {
                String current = attributes.get(key);
                if (current == null || policy == DuplicatePolicy.NEWEST && !current.equals(value)) {
                    attributes.put(key, value);
                    dirty = true;
                }
            });
        }
        if (interests.addAll(row.interests())) {
            dirty = true;
        }
        newCohorts.addAll(row.cohorts());
    }

    /**
     * Takes in another profile of the same customer: fills this one's blanks, unites lists, keeps the other's ids and
     * emails as attributes, and marks the other deleted.
     */
    void absorb(Draft loser) {
        forgetRowJson();
        for (ProfileField field : STORED) {
            int index = field.ordinal();
            Object value = loser.values[index];
            if (value == null || index == EXT || value.equals(values[index])) {
                continue;
            }
            if (values[index] == null) {
                values[index] = value;
            } else if (index == EMAIL) {
                appendToList(OTHER_EMAILS, (String) value);
            }
        }
        appendToList(OTHER_EXTERNAL_IDS, loser.externalId());
        for (String list : new String[] {OTHER_EXTERNAL_IDS, OTHER_EMAILS}) {
            String items = loser.attributes.remove(list);
            if (items != null) {
                for (String item : items.split("\\|")) {
                    appendToList(list, item);
                }
            }
        }
        loser.attributes.forEach(attributes::putIfAbsent);
        interests.addAll(loser.interests);
        newCohorts.addAll(loser.newCohorts);
        dirty = true;
        touched = true;
        loser.deleted = true;
        loser.survivor = this;
    }

    private void forgetRowJson() {
        rowInterestsJson = null;
        rowAttributesJson = null;
    }

    private void removeFromList(String attribute, String value) {
        String current = attributes.get(attribute);
        if (current != null) {
            List<String> kept = new ArrayList<>(List.of(current.split("\\|")));
            if (kept.remove(value)) {
                if (kept.isEmpty()) {
                    attributes.remove(attribute);
                } else {
                    attributes.put(attribute, String.join("|", kept));
                }
            }
        }
    }

    private void appendToList(String attribute, String value) {
        String current = attributes.get(attribute);
        if (current == null) {
            attributes.put(attribute, value);
        } else if (!List.of(current.split("\\|")).contains(value)) {
            attributes.put(attribute, current + "|" + value);
        } else {
            return;
        }
        dirty = true;
    }
}
