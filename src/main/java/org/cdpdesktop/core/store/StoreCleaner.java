package org.cdpdesktop.core.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cdpdesktop.core.clean.FieldCleaner;
import org.cdpdesktop.core.clean.FieldResult;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileField;
import org.cdpdesktop.core.profile.ProfileMapping;
import org.cdpdesktop.core.query.ProfileQuery;

/**
 * Runs the cleaning rules again over every stored profile, as the old service's {@code /clean-users} did: values
 * stored before a rule existed (or written around the import) are brought to today's form. Each changed profile is
 * saved through {@link ProfileEditor}, with the same validation as an edit; a value the cleaner cannot clean is left
 * as it is and counted.
 */
public final class StoreCleaner {

    private static final int PAGE = 5_000;

    private final ProfileBrowser browser;
    private final ProfileEditor editor;
    private final FieldCleaner cleaner;

    /** What a run changed. */
    public record Result(long profilesChecked, long profilesChanged, long valuesChanged, long valuesLeftUncleanable) { }

    public StoreCleaner(ProfileBrowser browser, ProfileEditor editor, FieldCleaner cleaner) {
        this.browser = browser;
        this.editor = editor;
        this.cleaner = cleaner;
    }

    public Result recleanAll() {
        long checked = 0;
        long changedProfiles = 0;
        long changedValues = 0;
        long uncleanable = 0;
        for (long offset = 0; ; offset += PAGE) {
            List<Profile> page = browser.page(ProfileQuery.ALL, offset, PAGE);
            for (Profile profile : page) {
                checked++;
                Map<ProfileField, String> edits = new LinkedHashMap<>();
                for (ProfileField field : ProfileEditor.EDITABLE) {
                    String text = ProfileMapping.text(profile, field);
                    if (text == null) {
                        continue;
                    }
                    FieldResult result = cleaner.clean(field, text, null);
                    if (!result.ok() || result.isUnusual()) {
                        uncleanable++;
                    } else if (!Objects.equals(result.value(), profile.value(field))) {
                        edits.put(field, text);
                    }
                }
                if (!edits.isEmpty() && editor.save(profile.getId(), edits).ok()) {
                    changedProfiles++;
                    changedValues += edits.size();
                }
            }
            if (page.size() < PAGE) {
                return new Result(checked, changedProfiles, changedValues, uncleanable);
            }
        }
    }
}
