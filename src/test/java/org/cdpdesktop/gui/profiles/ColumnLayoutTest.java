package org.cdpdesktop.gui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cdpdesktop.core.profile.ProfileColumn;
import org.cdpdesktop.core.profile.ProfileField;
import org.junit.jupiter.api.Test;

class ColumnLayoutTest {

    @Test
    void aSavedLayoutReadsBackWithOrderWidthsAndCustomAttributes() {
        ColumnLayout layout = new ColumnLayout(List.of(
                new ColumnLayout.Column(ProfileColumn.of(ProfileField.COUNTRY), 111),
                new ColumnLayout.Column(ProfileColumn.attribute("loyalty:tier"), 90),
                new ColumnLayout.Column(ProfileColumn.of(ProfileField.EMAIL), 200)));

        assertThat(layout.format()).isEqualTo("country:111,attr:loyalty:tier:90,email:200");
        assertThat(ColumnLayout.parse(layout.format())).isEqualTo(layout);
    }

    @Test
    void unknownFieldsInAHandEditedSettingAreLeftOutAndNothingUsableMeansTheDefault() {
        assertThat(ColumnLayout.parse("shoeSize:80,age:70").columns())
                .containsExactly(new ColumnLayout.Column(ProfileColumn.of(ProfileField.AGE), 70));
        assertThat(ColumnLayout.parse("shoeSize:80")).isEqualTo(ColumnLayout.DEFAULT);
    }
}
