package org.cdpdesktop.core.segment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.cdpdesktop.core.profile.JsonColumns;
import org.cdpdesktop.core.profile.Profile;

/** Reads whole profile rows selected by plain SQL (member lists, previews, exports). */
final class ProfileRows {

    static final String COLUMNS = "p.id, p.external_id, p.email, p.phone, p.first_name, p.last_name, p.age, p.gender,"
            + " p.city, p.state, p.country, p.postal_code, p.income, p.education, p.interests, p.bio, p.signup_date,"
            + " p.attributes, p.import_batch_id, p.created_at, p.updated_at";

    private ProfileRows() {
    }

    static Profile read(ResultSet row) throws SQLException {
        Profile profile = new Profile();
        profile.setId(row.getLong(1));
        profile.setExternalId(row.getString(2));
        profile.setEmail(row.getString(3));
        profile.setPhone(row.getString(4));
        profile.setFirstName(row.getString(5));
        profile.setLastName(row.getString(6));
        int age = row.getInt(7);
        profile.setAge(row.wasNull() ? null : age);
        profile.setGender(row.getString(8));
        profile.setCity(row.getString(9));
        profile.setState(row.getString(10));
        profile.setCountry(row.getString(11));
        profile.setPostalCode(row.getString(12));
        double income = row.getDouble(13);
        profile.setIncome(row.wasNull() ? null : income);
        profile.setEducation(row.getString(14));
        profile.setInterests(JsonColumns.jsonToList(row.getString(15)));
        profile.setBio(row.getString(16));
        profile.setSignupDate(row.getString(17));
        profile.setAttributes(JsonColumns.jsonToMap(row.getString(18)));
        long batch = row.getLong(19);
        profile.setImportBatchId(row.wasNull() ? null : batch);
        profile.setCreatedAt(row.getString(20));
        profile.setUpdatedAt(row.getString(21));
        return profile;
    }

    static void bind(PreparedStatement statement, List<Object> parameters, int firstIndex) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(firstIndex + i, parameters.get(i));
        }
    }
}
