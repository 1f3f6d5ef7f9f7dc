package org.cdpdesktop.gui;

/** The screens of the main window, in navigation order; each names its FXML view, one place for all paths. */
public enum Screen {
    DASHBOARD("Dashboard", "dashboard/DashboardView.fxml"),
    IMPORT("Import", "importer/ImportView.fxml"),
    PROFILES("Profiles", "profiles/ProfilesView.fxml"),
    SEGMENTS("Segments", "segments/SegmentsView.fxml"),
    MODEL("Model", "model/ModelView.fxml"),
    STREAM("Stream", "stream/StreamView.fxml"),
    API("API", "api/ApiView.fxml");

    private final String title;
    private final String fxml;

    Screen(String title, String fxml) {
        this.title = title;
        this.fxml = fxml;
    }

    public String title() {
        return title;
    }

    /** Resource path relative to this package. */
    public String fxml() {
        return fxml;
    }

    /** Node id of the screen's navigation button, e.g. {@code #nav-profiles}, for tests and styling. */
    public String navigationId() {
        return "nav-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
