package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cdpdesktop.core.profile.ProfileField;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    @Test
    void autoMapsFieldNamesAndCommonSynonyms() {
        ColumnMapping mapping = ColumnMapping.auto(List.of("Customer ID", "E-Mail", "mobile", "zip_code", "signup", "First Name", "sex"));
        assertThat(mapping.targets().get("Customer ID")).isEqualTo(ColumnTarget.field(ProfileField.EXTERNAL_ID));
        assertThat(mapping.targets().get("E-Mail")).isEqualTo(ColumnTarget.field(ProfileField.EMAIL));
        assertThat(mapping.targets().get("mobile")).isEqualTo(ColumnTarget.field(ProfileField.PHONE));
        assertThat(mapping.targets().get("zip_code")).isEqualTo(ColumnTarget.field(ProfileField.POSTAL_CODE));
        assertThat(mapping.targets().get("signup")).isEqualTo(ColumnTarget.field(ProfileField.SIGNUP_DATE));
        assertThat(mapping.targets().get("First Name")).isEqualTo(ColumnTarget.field(ProfileField.FIRST_NAME));
        assertThat(mapping.targets().get("sex")).isEqualTo(ColumnTarget.field(ProfileField.GENDER));
    }

    @Test
    void theMoreSpecificIdentityColumnWinsAndTheOtherIsKeptAsAnAttribute() {
        ColumnMapping mapping = ColumnMapping.auto(List.of("id", "cookie", "email", "created_at", "cohort"));
        assertThat(mapping.targets().get("cookie")).isEqualTo(ColumnTarget.field(ProfileField.EXTERNAL_ID));
        assertThat(mapping.targets().get("id")).isEqualTo(ColumnTarget.attribute("id"));
        assertThat(mapping.targets().get("created_at")).isEqualTo(ColumnTarget.field(ProfileField.SIGNUP_DATE));
        assertThat(mapping.cohortColumn()).isEqualTo("cohort");
        assertThat(mapping.targets().get("cohort").kind()).isEqualTo(TargetKind.SKIP);
    }

    @Test
    void unknownColumnsBecomeAttributesUnderTheirOwnName() {
        ColumnMapping mapping = ColumnMapping.auto(List.of("email", "Loyalty Tier"));
        assertThat(mapping.targets().get("Loyalty Tier")).isEqualTo(ColumnTarget.attribute("Loyalty Tier"));
    }

    @Test
    void ourOwnExportColumnsMapBackAndStoreTimestampsAreSkipped() {
        ColumnMapping mapping = ColumnMapping.auto(List.of("externalId", "postalCode", "signupDate", "createdAt", "updatedAt", "cohorts"));
        assertThat(mapping.targets().get("externalId")).isEqualTo(ColumnTarget.field(ProfileField.EXTERNAL_ID));
        assertThat(mapping.targets().get("postalCode")).isEqualTo(ColumnTarget.field(ProfileField.POSTAL_CODE));
        assertThat(mapping.targets().get("signupDate")).isEqualTo(ColumnTarget.field(ProfileField.SIGNUP_DATE));
        assertThat(mapping.targets().get("createdAt")).isEqualTo(ColumnTarget.skip());
        assertThat(mapping.targets().get("updatedAt")).isEqualTo(ColumnTarget.skip());
        assertThat(mapping.cohortColumn()).isEqualTo("cohorts");
    }

    @Test
    void twoColumnsMappedToOneFieldAreRefused() {
        ColumnMapping mapping = ColumnMapping.auto(List.of("email", "mail")).with("mail", ColumnTarget.field(ProfileField.EMAIL));
        assertThatThrownBy(mapping::validate).hasMessageContaining("'email' and 'mail' are both mapped to Email");
    }

    @Test
    void aSavedMappingAppliesToAFileAndDefaultsFillItsOtherColumns() {
        ColumnMapping saved = ColumnMapping.auto(List.of("Notes")).with("Notes", ColumnTarget.field(ProfileField.BIO));
        ColumnMapping applied = saved.appliedTo(List.of("email", "Notes", "Extra"));
        assertThat(applied.targets().get("Notes")).isEqualTo(ColumnTarget.field(ProfileField.BIO));
        assertThat(applied.targets().get("email")).isEqualTo(ColumnTarget.field(ProfileField.EMAIL));
        assertThat(applied.targets().get("Extra")).isEqualTo(ColumnTarget.attribute("Extra"));
    }

    @Test
    void aMappingThatSkipsEveryColumnIsRefused() {
        ColumnMapping mapping = ColumnMapping.auto(List.of("id", "email"))
                .with("id", ColumnTarget.skip()).with("email", ColumnTarget.skip());
        assertThatThrownBy(mapping::validate).hasMessage("Every column is skipped, so nothing would be imported");
    }

    @Test
    void aMappingThatKeepsOnlyTheCohortColumnIsAccepted() {
        ColumnMapping mapping = ColumnMapping.auto(List.of("email", "cohort")).with("email", ColumnTarget.skip());
        mapping.validate();
        assertThat(mapping.cohortColumn()).isEqualTo("cohort");
    }

    @Test
    void interestsSpreadOverNumberedColumnsAllMapToInterests() {
        ColumnMapping mapping = ColumnMapping.auto(List.of("email", "interests__001", "interest_2", "Interest 3", "hobbies", "interest rate"));
        for (String column : List.of("interests__001", "interest_2", "Interest 3", "hobbies")) {
            assertThat(mapping.targets().get(column)).as(column).isEqualTo(ColumnTarget.field(ProfileField.INTERESTS));
        }
        assertThat(mapping.targets().get("interest rate")).isEqualTo(ColumnTarget.attribute("interest rate"));
        mapping.validate();
    }
}
