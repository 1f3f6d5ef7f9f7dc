package org.cdpdesktop.core.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileMapping;

/**
 * One customer as JSON, sent through each door (a JSON file, a Kafka message, a REST call) by that door's test, with
 * the import columns every door must read from it and a view of the stored profile to compare between stores.
 */
public final class SameProfile {

    public static final String JSON = """
            {"cookie": "c-42", "email": "Ann@Example.com", "age": 34.0, "income": 1.25E5, "score": 0.1, "ratio": 2.50,
             "zip": "07302", "vip": true, "note": null, "interests": ["Tech", "travel", null, ""],
             "loyalty": {"tier": "gold", "points": 1.25E3, "since": {"year": 2019}}, "orders": [{"id": 1}, {"id": 2}]}""";

    /** The columns each door reads from {@link #JSON}, in order. */
    public static final Map<String, String> COLUMNS = columns();

    private SameProfile() {
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("cookie", "c-42");
        columns.put("email", "Ann@Example.com");
        columns.put("age", "34");
        columns.put("income", "125000");
        columns.put("score", "0.1");
        columns.put("ratio", "2.5");
        columns.put("zip", "07302");
        columns.put("vip", "true");
        columns.put("note", "");
        columns.put("interests", "Tech|travel");
        columns.put("loyalty.tier", "gold");
        columns.put("loyalty.points", "1250");
        columns.put("loyalty.since.year", "2019");
        columns.put("orders", "[{\"id\":1},{\"id\":2}]");
        return columns;
    }

    /** What was stored of the profile, without what differs from store to store (id and times). */
    public static String stored(Profile profile) {
        ObjectNode json = ProfileMapping.toJson(profile);
        json.remove(List.of("id", "createdAt", "updatedAt"));
        return json.toString();
    }

    /** {@link #stored} of the profile imported from a JSON file ({@code [JSON]}) into a store of its own in {@code folder}. */
    public static String storedFromJsonFile(Path folder) throws Exception {
        try (ImportFixture fixture = new ImportFixture(folder)) {
            fixture.importFile(fixture.csv("same-profile.json", "[" + JSON + "]"));
            return stored(fixture.profile("c-42"));
        }
    }
}
