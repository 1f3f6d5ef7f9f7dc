package org.cdpdesktop.gui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cdpdesktop.core.AppInfo;
import org.cdpdesktop.gui.Screen;

/** The Help menu's windows: the user guide, the keyboard shortcuts, and About. */
final class HelpWindows {

    private HelpWindows() {
    }

    /** Every shortcut the app answers, as shown in the Keyboard shortcuts window. */
    static List<String[]> shortcuts() {
        List<String[]> rows = new ArrayList<>();
        for (Screen screen : Screen.values()) {
            rows.add(new String[] {MainView.shortcut(screen).getDisplayText(), "Show the " + screen.title() + " screen"});
        }
        rows.add(new String[] {"Shortcut+I", "Import CSV files"});
        rows.add(new String[] {"Shortcut+A", "Select every row of the profiles table, also those not loaded yet"});
        rows.add(new String[] {"Shift+click", "Select a range of rows"});
        rows.add(new String[] {"Enter", "Apply a typed filter at once; save a profile edit"});
        rows.add(new String[] {"Esc", "Cancel a profile edit"});
        rows.add(new String[] {"F1", "This list"});
        rows.add(new String[] {"Shortcut+Q", "Quit"});
        return rows;
    }

    static void showShortcuts(Window owner) {
        GridPane grid = new GridPane();
        grid.setId("shortcuts");
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        for (String[] shortcut : shortcuts()) {
            Label keys = new Label(shortcut[0].replace("Shortcut", shortcutKey()));
            keys.getStyleClass().add("stat-label");
            grid.addRow(row++, keys, new Label(shortcut[1]));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        alert.initOwner(owner);
        alert.show();
    }

    private static String shortcutKey() {
        return System.getProperty("os.name", "").startsWith("Mac") ? "Cmd" : "Ctrl";
    }

    static void showAbout(Window owner, Path dataFolder) {
        Label version = new Label(AppInfo.NAME + " " + AppInfo.version() + " — customer data, on this computer.");
        Label folder = new Label("Data folder: " + dataFolder);
        folder.setId("about-data-folder");
        folder.setWrapText(true);
        TextArea licences = new TextArea(resource("licences.txt"));
        licences.setId("about-licences");
        licences.setEditable(false);
        licences.setWrapText(true);
        licences.setPrefRowCount(12);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("About " + AppInfo.NAME);
        alert.setHeaderText(AppInfo.NAME + " " + AppInfo.version());
        alert.getDialogPane().setContent(new VBox(8, version, folder, new Label("Licences"), licences));
        alert.getDialogPane().setPrefWidth(560);
        alert.initOwner(owner);
        alert.show();
    }

    /** The README that ships inside the jar, as plain text: the guide is there offline, without a browser. */
    static void showGuide(Window owner) {
        TextArea guide = new TextArea(resource("README.md"));
        guide.setId("user-guide");
        guide.setEditable(false);
        guide.setWrapText(true);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("User guide — " + AppInfo.NAME);
        stage.setScene(new Scene(guide, 820, 640));
        stage.show();
    }

    private static String resource(String name) {
        try (InputStream in = HelpWindows.class.getResourceAsStream(name)) {
            return in == null ? name + " is missing from this build." : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
