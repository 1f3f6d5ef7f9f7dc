package org.cdpdesktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile has one JSON shape and one CSV layout, whichever command writes it. */
class ProfileShapeTest {

    @TempDir
    Path folder;

    private Path dataDirectory;
    private StringWriter out;

    @BeforeEach
    void importTwoCustomers() throws Exception {
        dataDirectory = folder.resolve("data");
        Path file = folder.resolve("customers.csv");
        Files.writeString(file, """
                id,email,age,zip,income,tier,cohort,interests
                c1,a@x.com,30,07302,52000,gold,VIP,music|art
                c2,b@x.com,45,,1200.5,,,
                """, StandardCharsets.UTF_8);
        assertThat(run("import", file.toString())).isZero();
        assertThat(run("segment", "save", "Everyone", "--rule", "age >= 18")).isZero();
    }

    private int run(String... arguments) {
        out = new StringWriter();
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDirectory.toString()));
        args.addAll(List.of(arguments));
        return RootCommand.execute(args.toArray(String[]::new), path -> { }, new PrintWriter(out), new PrintWriter(new StringWriter()));
    }

    private JsonNode json(String... arguments) throws Exception {
        assertThat(run(arguments)).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void profilesExportAndSegmentMembersPrintTheSameJsonForAProfile() throws Exception {
        JsonNode listed = json("profiles").get("profiles");
        JsonNode exported = json("export", "--format", "json");
        JsonNode members = json("segment", "members", "Everyone", "--format", "json");

        assertThat(exported).isEqualTo(listed);
        assertThat(members).isEqualTo(listed);
        JsonNode first = listed.get(0);
        assertThat(first.get("externalId").asText()).isEqualTo("c1");
        assertThat(first.get("postalCode").asText()).as("text stays text").isEqualTo("07302");
        assertThat(first.get("age").isInt()).isTrue();
        assertThat(first.get("income").asDouble()).isEqualTo(52000);
        assertThat(first.get("interests")).extracting(JsonNode::asText).containsExactly("music", "art");
        assertThat(first.get("attributes").get("tier").asText()).isEqualTo("gold");
        assertThat(first.get("cohorts")).extracting(JsonNode::asText).containsExactly("VIP");
        assertThat(listed.get(1).get("postalCode").isNull()).as("an absent field is null, not left out").isTrue();
        assertThat(listed.get(1).get("cohorts")).isEmpty();
    }

    @Test
    void exportTakesTheListingOptionsOfProfiles() throws Exception {
        JsonNode listed = json("profiles", "--filter", "age >= 40", "--sort", "-income").get("profiles");
        JsonNode exported = json("export", "--filter", "age >= 40", "--sort", "-income");

        assertThat(exported).isEqualTo(listed);
        assertThat(exported).extracting(profile -> profile.get("externalId").asText()).containsExactly("c2");
    }

    @Test
    void exportAndSegmentMembersWriteTheSameCsv() throws Exception {
        Path file = folder.resolve("all.csv");
        assertThat(run("export", "--format", "csv", "--out", file.toString())).isZero();
        String exported = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(run("segment", "members", "Everyone", "--format", "csv")).isZero();

        assertThat(out.toString()).isEqualTo(exported);
        List<String> lines = exported.lines().toList();
        assertThat(lines.get(0)).isEqualTo("externalId,email,phone,firstName,lastName,age,gender,city,state,country,postalCode,"
                + "income,education,interests,bio,signupDate,createdAt,updatedAt,tier,cohorts");
        assertThat(lines.get(1)).startsWith("c1,a@x.com,,,,30,,,,,07302,52000,,music|art,,,").endsWith(",gold,VIP");
        assertThat(lines.get(2)).startsWith("c2,b@x.com,,,,45,,,,,,1200.5,,,,,").endsWith(",,");
    }
}
