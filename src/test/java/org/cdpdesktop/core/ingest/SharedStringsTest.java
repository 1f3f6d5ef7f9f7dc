package org.cdpdesktop.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A workbook's shared texts, read into a temporary file and back: rich-text runs joined, phonetic hints left out. */
class SharedStringsTest {

    @Test
    void textsComeBackByIndexWithRichTextRunsJoinedAndPhoneticHintsLeftOut() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
                  <si><t>07302</t></si>
                  <si><r><rPr><b/></rPr><t>Ann </t></r><r><t xml:space="preserve">Müller</t></r></si>
                  <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>
                  <si><t/></si>
                </sst>
                """;
        try (SharedStrings strings = SharedStrings.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), 1 << 20)) {
            assertThat(strings.get(0)).isEqualTo("07302");
            assertThat(strings.get(1)).isEqualTo("Ann Müller");
            assertThat(strings.get(2)).isEqualTo("東京");
            assertThat(strings.get(3)).isEmpty();
            assertThat(strings.get(4)).isNull();
        }
    }
}
