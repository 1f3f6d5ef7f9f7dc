package org.cdpdesktop.gui.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Workbooks for the wizard's tests, written as a spreadsheet program writes them. */
final class WizardWorkbooks {

    private WizardWorkbooks() {
    }

    /**
     * Two non-empty sheets. "Leads" comes first, so the wizard opens on it: one lead with an email. "Customers" has a
     * title row and a blank row above its header (row 3), then two customers with typed cells: a text zip code with
     * its leading zero, a whole-number income, a date, and interests spread over three columns.
     */
    static Path leadsAndCustomers(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "CDP Desktop tests", "1.0")) {
            Worksheet leads = workbook.newWorksheet("Leads");
            leads.value(0, 0, "email");
            leads.value(1, 0, "lead@example.org");
            Worksheet customers = workbook.newWorksheet("Customers");
            customers.value(0, 0, "Customer export, March");
            String[] headers = {"cookie", "email", "zip", "income", "signup_date", "interests__001", "interest_2", "Interest 3"};
            for (int column = 0; column < headers.length; column++) {
                customers.value(2, column, headers[column]);
            }
            customers.value(3, 0, "c-1");
            customers.value(3, 1, "Ann@Example.com");
            customers.value(3, 2, "07302");
            customers.value(3, 3, 125000);
            customers.value(3, 4, LocalDate.of(2024, 3, 5));
            customers.style(3, 4).format("dd/mm/yyyy").set();
            customers.value(3, 5, "Music");
            customers.value(3, 6, "Travel");
            customers.value(3, 7, "Food");
            customers.value(4, 0, "c-2");
            customers.value(4, 1, "bob@example.com");
            customers.value(4, 2, "90210");
            customers.value(4, 3, 48000);
            customers.value(4, 5, "Tech");
            workbook.finish();
        }
        return file;
    }
}
