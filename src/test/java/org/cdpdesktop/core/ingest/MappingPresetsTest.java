package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cdpdesktop.core.profile.ProfileField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingPresetsTest {

    @TempDir
    Path folder;

    @Test
    void aSavedPresetLoadsBackExactly() {
        MappingPresets presets = new MappingPresets(folder);
        ColumnMapping mapping = ColumnMapping.auto(List.of("Customer ID", "joined", "Tier", "ignored", "segment"))
                .with("joined", ColumnTarget.field(ProfileField.SIGNUP_DATE).withFormat("dd/MM/yyyy"))
                .with("Tier", ColumnTarget.attribute("loyalty"))
                .with("ignored", ColumnTarget.skip())
                .withCohortColumn("segment");
        presets.save("CRM export / weekly", mapping);
        assertThat(presets.names()).containsExactly("CRM export / weekly");
        assertThat(presets.load("CRM export / weekly")).isEqualTo(mapping);
        assertThat(new ArrayList<>(presets.load("CRM export / weekly").targets().keySet()))
                .containsExactly("Customer ID", "joined", "Tier", "ignored", "segment");
    }

    @Test
    void missingPresetsAndBadFilesAreReportedByName() throws Exception {
        MappingPresets presets = new MappingPresets(folder);
        assertThatThrownBy(() -> presets.load("nope")).isInstanceOf(IllegalArgumentException.class).hasMessage("No preset named nope");
        presets.save("a", ColumnMapping.auto(List.of("email")));
        presets.delete("a");
        assertThat(presets.names()).isEmpty();
        Files.writeString(folder.resolve("broken.json"), "{\"name\":\"broken\",\"columns\":[{\"source\":\"x\",\"kind\":\"field\",\"field\":\"shoeSize\"}]}");
        assertThatThrownBy(() -> presets.load("broken")).hasMessageContaining("unknown field 'shoeSize'");
    }
}
