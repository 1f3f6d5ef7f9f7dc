package org.cdpdesktop.core.store;

import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileField;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cdpdesktop.core.clean.FieldCleaner;
import org.cdpdesktop.core.clean.FieldResult;

/**
 * Saves a person's edits to one profile. Every value goes through the import's {@link FieldCleaner}, so an edit
 * is held to exactly the rules an import is; where an import would keep an unusable value aside as a custom
 * attribute, an edit is refused instead, since the person can correct it on the spot. Nothing is saved unless
 * every field is valid.
 */
public final class ProfileEditor {

    /** The fields a person may edit: all but the store's own timestamps. */
    public static final List<ProfileField> EDITABLE = Arrays.stream(ProfileField.values()).filter(ProfileField::importable).toList();

    private final ProfileStore store;
    private final FieldCleaner cleaner;

    public ProfileEditor(ProfileStore store, FieldCleaner cleaner) {
        this.store = store;
        this.cleaner = cleaner;
    }

    /** The outcome of an edit: the saved profile, or a reason per field that was refused. */
    public record Outcome(Optional<Profile> saved, Map<ProfileField, String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Applies {@code edited} (field to the text the person typed; blank clears it) to the stored profile {@code id}. */
    public Outcome save(long id, Map<ProfileField, String> edited) {
        Profile profile = store.findById(id)
                .orElseThrow(() -> new IllegalArgumentException("Profile " + id + " no longer exists; it may have been deleted"));
        Map<ProfileField, String> errors = new LinkedHashMap<>();
        for (Map.Entry<ProfileField, String> edit : edited.entrySet()) {
            ProfileField field = edit.getKey();
            if (!EDITABLE.contains(field)) {
                errors.put(field, field.label() + " is kept by the store and cannot be edited");
                continue;
            }
            FieldResult result = cleaner.clean(field, edit.getValue(), null);
            if (!result.ok()) {
                errors.put(field, result.problem());
            } else if (result.isUnusual()) {
                errors.put(field, result.unusual());
            } else if (field == ProfileField.EXTERNAL_ID && result.value() == null) {
                errors.put(field, "External ID is required: it is how imports recognise this customer");
            } else {
                profile.set(field, result.value());
            }
        }
        uniqueness(profile, errors);
        if (!errors.isEmpty()) {
            return new Outcome(Optional.empty(), errors);
        }
        return new Outcome(Optional.of(store.save(profile)), Map.of());
    }

    private void uniqueness(Profile profile, Map<ProfileField, String> errors) {
        if (profile.getEmail() != null && !errors.containsKey(ProfileField.EMAIL)) {
            store.findByEmail(profile.getEmail())
                    .filter(other -> !Objects.equals(other.getId(), profile.getId()))
                    .ifPresent(other -> errors.put(ProfileField.EMAIL, "Profile " + other.getId() + " (" + other.displayName()
                            + ") already has this email"));
        }
        if (profile.getExternalId() != null && !errors.containsKey(ProfileField.EXTERNAL_ID)) {
            store.findByExternalId(profile.getExternalId())
                    .filter(other -> !Objects.equals(other.getId(), profile.getId()))
                    .ifPresent(other -> errors.put(ProfileField.EXTERNAL_ID, "Profile " + other.getId() + " already has this external id"));
        }
    }
}
