package org.cdpdesktop.core.profile;

import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One customer. Text fields hold text as given after cleaning (a postal code "07302" stays "07302");
 * {@code interests} and {@code attributes} are stored as JSON text and handed out as list and map.
 */
@DatabaseTable(tableName = "profile")
public class Profile {

    @DatabaseField(columnName = "id", generatedId = true)
    private Long id;
    @DatabaseField(columnName = "external_id", canBeNull = false)
    private String externalId;
    @DatabaseField(columnName = "email")
    private String email;
    @DatabaseField(columnName = "phone")
    private String phone;
    @DatabaseField(columnName = "first_name")
    private String firstName;
    @DatabaseField(columnName = "last_name")
    private String lastName;
    @DatabaseField(columnName = "age")
    private Integer age;
    @DatabaseField(columnName = "gender")
    private String gender;
    @DatabaseField(columnName = "city")
    private String city;
    @DatabaseField(columnName = "state")
    private String state;
    @DatabaseField(columnName = "country")
    private String country;
    @DatabaseField(columnName = "postal_code")
    private String postalCode;
    @DatabaseField(columnName = "income")
    private Double income;
    @DatabaseField(columnName = "education")
    private String education;
    @DatabaseField(columnName = "interests", canBeNull = false)
    private String interestsJson = "[]";
    @DatabaseField(columnName = "bio")
    private String bio;
    @DatabaseField(columnName = "signup_date")
    private String signupDate;
    @DatabaseField(columnName = "attributes", canBeNull = false)
    private String attributesJson = "{}";
    @DatabaseField(columnName = "import_batch_id")
    private Long importBatchId;
    @DatabaseField(columnName = "created_at", canBeNull = false)
    private String createdAt;
    @DatabaseField(columnName = "updated_at", canBeNull = false)
    private String updatedAt;
    /** Kept in profile_cohort, not on the row: filled by {@link ProfileMapping#read}, ignored when ORMLite saves. */
    private List<String> cohorts = List.of();

    public Profile() {
        // ORMLite builds rows through the no-argument constructor.
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public Integer getAge() {
        return age;
    }

    public void setAge(Integer age) {
        this.age = age;
    }

    public String getGender() {
        return gender;
    }

    public void setGender(String gender) {
        this.gender = gender;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public Double getIncome() {
        return income;
    }

    public void setIncome(Double income) {
        this.income = income;
    }

    public String getEducation() {
        return education;
    }

    public void setEducation(String education) {
        this.education = education;
    }

    public List<String> getInterests() {
        return JsonColumns.jsonToList(interestsJson);
    }

    public void setInterests(List<String> interests) {
        this.interestsJson = JsonColumns.listToJson(interests);
    }

    public String getBio() {
        return bio;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }

    public String getSignupDate() {
        return signupDate;
    }

    public void setSignupDate(String signupDate) {
        this.signupDate = signupDate;
    }

    /** The stored JSON text of the interests list, as read from the row; parsed only when asked for. */
    void setInterestsJson(String json) {
        this.interestsJson = json == null ? "[]" : json;
    }

    /** The stored JSON text of the attributes, as read from the row; parsed only when asked for. */
    void setAttributesJson(String json) {
        this.attributesJson = json == null ? "{}" : json;
    }

    public Map<String, String> getAttributes() {
        return JsonColumns.jsonToMap(attributesJson);
    }

    public void setAttributes(Map<String, String> attributes) {
        this.attributesJson = JsonColumns.mapToJson(attributes);
    }

    public Long getImportBatchId() {
        return importBatchId;
    }

    public void setImportBatchId(Long importBatchId) {
        this.importBatchId = importBatchId;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public String getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** The cohort names this profile belongs to, as {@link ProfileMapping#read} reads them with the row. */
    public List<String> getCohorts() {
        return cohorts;
    }

    public void setCohorts(List<String> cohorts) {
        this.cohorts = cohorts == null ? List.of() : List.copyOf(cohorts);
    }

    /** The value of a field as text, the way tables, exports and the CLI show it ({@link ProfileMapping#text}). */
    public String get(ProfileField field) {
        return ProfileMapping.text(this, field);
    }

    /** The value of a field as stored: {@code Integer} age, {@code Double} income, the interests list, else text. */
    public Object value(ProfileField field) {
        return switch (field) {
            case EXTERNAL_ID -> externalId;
            case EMAIL -> email;
            case PHONE -> phone;
            case FIRST_NAME -> firstName;
            case LAST_NAME -> lastName;
            case AGE -> age;
            case GENDER -> gender;
            case CITY -> city;
            case STATE -> state;
            case COUNTRY -> country;
            case POSTAL_CODE -> postalCode;
            case INCOME -> income;
            case EDUCATION -> education;
            case INTERESTS -> getInterests();
            case BIO -> bio;
            case SIGNUP_DATE -> signupDate;
            case CREATED_AT -> createdAt;
            case UPDATED_AT -> updatedAt;
        };
    }

    /** Sets a field to a value of the type {@link #value} gives ({@code null} clears it, and an empty list for interests). */
    @SuppressWarnings("unchecked")
    public void set(ProfileField field, Object value) {
        switch (field) {
            case EXTERNAL_ID -> externalId = (String) value;
            case EMAIL -> email = (String) value;
            case PHONE -> phone = (String) value;
            case FIRST_NAME -> firstName = (String) value;
            case LAST_NAME -> lastName = (String) value;
            case AGE -> age = value == null ? null : ((Number) value).intValue();
            case GENDER -> gender = (String) value;
            case CITY -> city = (String) value;
            case STATE -> state = (String) value;
            case COUNTRY -> country = (String) value;
            case POSTAL_CODE -> postalCode = (String) value;
            case INCOME -> income = value == null ? null : ((Number) value).doubleValue();
            case EDUCATION -> education = (String) value;
            case INTERESTS -> setInterests(value == null ? List.of() : (List<String>) value);
            case BIO -> bio = (String) value;
            case SIGNUP_DATE -> signupDate = (String) value;
            case CREATED_AT -> createdAt = (String) value;
            case UPDATED_AT -> updatedAt = (String) value;
        }
    }

    /** The name a person recognises: full name, else email, else external id. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        if (!name.isEmpty()) {
            return name;
        }
        return email != null ? email : externalId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Profile profile && Objects.equals(id, profile.id) && id != null;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "Profile[" + id + ", " + externalId + "]";
    }
}
