package org.cdpdesktop.core.segment;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Binds the parameters of the segment SQL this package builds. */
final class SqlParameters {

    private SqlParameters() {
    }

    static void bind(PreparedStatement statement, List<Object> parameters, int firstIndex) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(firstIndex + i, parameters.get(i));
        }
    }
}
