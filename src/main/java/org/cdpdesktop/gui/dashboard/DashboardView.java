package org.cdpdesktop.gui.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.cdpdesktop.core.stats.Dashboard;
import org.cdpdesktop.core.stats.Stats;
import org.cdpdesktop.gui.Activatable;
import org.cdpdesktop.gui.Formats;
import org.cdpdesktop.gui.Navigator;
import org.cdpdesktop.gui.Screen;
import org.cdpdesktop.gui.importer.ImportCoordinator;
import org.cdpdesktop.gui.profiles.ProfileFilter;
import org.cdpdesktop.gui.segments.SegmentTrendChart;
import org.cdpdesktop.gui.profiles.ProfileFilterRequests;

/**
 * The overview screen: headline counts and charts of the store, or a welcome with the way in when it is empty.
 * Clicking a bar or a point opens the profiles screen filtered to it.
 */
public final class DashboardView {

    private static final double CHART_HEIGHT = 260;
    private static final int MAX_DATE_TICKS = 8;

    private final DashboardViewModel viewModel;
    private final Navigator navigator;
    private final ImportCoordinator imports;
    private final ProfileFilterRequests filterRequests;
    private final ToggleGroup periods = new ToggleGroup();
    private final SegmentTrendChart segmentTrend = new SegmentTrendChart();

    @FXML
    private VBox root;
    @FXML
    private Label profiles;
    @FXML
    private Label segments;
    @FXML
    private Label models;
    @FXML
    private Label lastImport;
    @FXML
    private Label error;
    @FXML
    private VBox welcome;
    @FXML
    private ScrollPane overview;
    @FXML
    private GridPane charts;
    @FXML
    private VBox recentImports;
    @FXML
    private Label modelStatus;

    public DashboardView(DashboardViewModel viewModel, Navigator navigator, ImportCoordinator imports,
                         ProfileFilterRequests filterRequests) {
        this.viewModel = viewModel;
        this.navigator = navigator;
        this.imports = imports;
        this.filterRequests = filterRequests;
    }

    @FXML
    private void initialize() {
        profiles.textProperty().bind(viewModel.profilesProperty());
        segments.textProperty().bind(viewModel.segmentsProperty());
        models.textProperty().bind(viewModel.modelsProperty());
        lastImport.textProperty().bind(viewModel.lastImportProperty());
        modelStatus.textProperty().bind(viewModel.modelCardProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        welcome.visibleProperty().bind(viewModel.emptyProperty());
        welcome.managedProperty().bind(welcome.visibleProperty());
        overview.visibleProperty().bind(viewModel.emptyProperty().not());
        overview.managedProperty().bind(overview.visibleProperty());
        for (Dashboard.Period period : Dashboard.Period.values()) {
            ToggleButton button = new ToggleButton(period.name().charAt(0) + period.name().substring(1).toLowerCase());
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setId("period-" + period.name().toLowerCase());
            button.setUserData(period);
            button.setToggleGroup(periods);
            button.setSelected(period == viewModel.periodProperty().get());
        }
        periods.selectedToggleProperty().addListener((observable, old, selected) -> {
            if (selected == null) {
                old.setSelected(true);
            } else {
                viewModel.periodProperty().set((Dashboard.Period) selected.getUserData());
            }
        });
        viewModel.figuresProperty().addListener((observable, old, figures) -> show(figures));
        segmentTrend.setTitle(null);
        segmentTrend.setPrefHeight(CHART_HEIGHT);
        viewModel.segmentTrendsProperty().addListener((observable, old, histories) -> segmentTrend.show(histories));
        Activatable.whileShown(root, viewModel);
    }

    @FXML
    private void openImport() {
        navigator.show(Screen.IMPORT);
    }

    @FXML
    private void loadSampleData() {
        imports.loadSampleData();
    }

    private void show(Dashboard figures) {
        charts.getChildren().clear();
        charts.add(newProfilesCard(figures), 0, 0);
        charts.add(card("Age", "chart-ages", figures.ages().isEmpty() ? null : ageChart(figures.ages()), "No ages yet."), 1, 0);
        charts.add(card("Countries", "chart-countries", barChart(figures.countries(), ProfileFilter::country), "No countries yet."), 0, 1);
        charts.add(card("Top interests", "chart-interests", barChart(figures.topInterests(), ProfileFilter::interest), "No interests yet."), 1, 1);
        charts.add(card("Cohorts", "chart-cohorts", barChart(figures.cohorts(), ProfileFilter::cohort),
                "No cohorts yet: import a file with a cohort column."), 0, 2);
        charts.add(card("Segment sizes (at last evaluation)", "chart-segments", barChart(figures.segments(), ProfileFilter::segment),
                "No segments yet: build one on the Segments screen."), 1, 2);
        Label trendHeading = new Label("Segment sizes over time");
        trendHeading.getStyleClass().add("section-title");
        Label trendNote = new Label("One point per snapshot: after each import, or taken on the Segments screen.");
        trendNote.getStyleClass().add("status-text");
        trendNote.setWrapText(true);
        VBox trendCard = new VBox(6, trendHeading, trendNote, segmentTrend);
        trendCard.setId("chart-segment-trend");
        trendCard.getStyleClass().add("chart-card");
        charts.add(trendCard, 0, 3, 2, 1);
        recentImports.getChildren().setAll(figures.recentImports().stream().skip(1).map(DashboardView::importLine).toList());
    }

    private static Label importLine(Stats.LastImport last) {
        Label line = new Label(DashboardViewModel.describe(last) + " (" + last.status() + ")");
        line.getStyleClass().add("status-text");
        line.setWrapText(true);
        return line;
    }

    private VBox newProfilesCard(Dashboard figures) {
        HBox toggles = new HBox(4);
        periods.getToggles().forEach(toggle -> toggles.getChildren().add((ToggleButton) toggle));
        Label title = new Label("Sign-ups");
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label note = new Label("by signup date, else the day the profile was imported");
        note.getStyleClass().add("status-text");
        VBox titles = new VBox(title, note);
        // The period buttons move under the title when the card is narrow, rather than shrinking to "...".
        FlowPane header = new FlowPane(8, 4, titles, toggles);
        header.setAlignment(Pos.CENTER_LEFT);
        header.prefWrapLengthProperty().bind(header.widthProperty());
        Node chart = figures.newProfiles().isEmpty() ? emptyText("No profiles yet.") : newProfilesChart(figures.newProfiles(), figures.period());
        VBox card = new VBox(6, header, chart);
        card.setId("chart-new-profiles");
        card.getStyleClass().add("chart-card");
        return card;
    }

    /** Periods are numbered along a number axis so that only a few readable date labels are drawn, not one per period. */
    private LineChart<Number, Number> newProfilesChart(List<Dashboard.Bucket> buckets, Dashboard.Period period) {
        // One period of room on each side, so that a lone period or the newest one is not drawn on the chart's edge.
        NumberAxis periodAxis = new NumberAxis(-1, buckets.size(), Math.max(1, Math.ceil(buckets.size() / (double) MAX_DATE_TICKS)));
        periodAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number index) {
                int i = index.intValue();
                return i >= 0 && i < buckets.size() && i == index.doubleValue() ? Formats.period(buckets.get(i).from(), period) : "";
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("The axis only shows labels");
            }
        });
        periodAxis.setMinorTickVisible(false);
        NumberAxis countAxis = new NumberAxis();
        countAxis.setLabel("Sign-ups");
        countAxis.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(periodAxis, countAxis);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        for (int i = 0; i < buckets.size(); i++) {
            Dashboard.Bucket bucket = buckets.get(i);
            XYChart.Data<Number, Number> point = new XYChart.Data<>(i, bucket.count());
            clickable(point, Formats.period(bucket.from(), period) + ": " + Formats.count(bucket.count(), "sign-up", "sign-ups"),
                    ProfileFilter.signedUp(LocalDate.parse(bucket.from()), LocalDate.parse(bucket.to())));
            series.getData().add(point);
        }
        chart.getData().add(series);
        chart.setCreateSymbols(buckets.size() <= 60);
        chart.setVerticalZeroLineVisible(false);
        return style(chart);
    }

    private BarChart<String, Number> ageChart(List<Dashboard.AgeBand> bands) {
        CategoryAxis bandAxis = new CategoryAxis();
        NumberAxis countAxis = new NumberAxis();
        countAxis.setLabel("Profiles");
        BarChart<String, Number> chart = new BarChart<>(bandAxis, countAxis);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (Dashboard.AgeBand band : bands) {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(band.label(), band.count());
            clickable(bar, band.label() + ": " + Formats.count(band.count(), "profile", "profiles"), ProfileFilter.ages(band.min(), band.max()));
            series.getData().add(bar);
        }
        chart.getData().add(series);
        return style(chart);
    }

    /** Horizontal bars, largest on top, so long names stay readable; {@code null} when there is nothing to draw. */
    private BarChart<Number, String> barChart(List<Dashboard.Count> counts, Function<String, ProfileFilter> filter) {
        if (counts.isEmpty()) {
            return null;
        }
        CategoryAxis nameAxis = new CategoryAxis();
        NumberAxis countAxis = new NumberAxis();
        BarChart<Number, String> chart = new BarChart<>(countAxis, nameAxis);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        for (int i = counts.size() - 1; i >= 0; i--) {
            Dashboard.Count count = counts.get(i);
            XYChart.Data<Number, String> bar = new XYChart.Data<>(count.count(), count.label());
            clickable(bar, count.label() + ": " + Formats.count(count.count(), "profile", "profiles"), filter.apply(count.label()));
            series.getData().add(bar);
        }
        chart.getData().add(series);
        chart.setCategoryGap(6);
        chart.setPrefHeight(Math.max(CHART_HEIGHT, 34 * counts.size() + 60));
        return style(chart);
    }

    private <X, Y> void clickable(XYChart.Data<X, Y> data, String tip, ProfileFilter filter) {
        data.nodeProperty().addListener((observable, old, node) -> {
            if (node != null) {
                node.setCursor(Cursor.HAND);
                Tooltip.install(node, new Tooltip(tip + " — click to see them"));
                node.setOnMouseClicked(event -> openProfiles(filter));
            }
        });
    }

    private void openProfiles(ProfileFilter filter) {
        filterRequests.request(filter);
        navigator.show(Screen.PROFILES);
    }

    private static <C extends XYChart<?, ?>> C style(C chart) {
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(Math.max(chart.getPrefHeight(), CHART_HEIGHT));
        chart.setMinHeight(CHART_HEIGHT);
        chart.getStyleClass().add("dashboard-chart");
        return chart;
    }

    private static VBox card(String title, String id, Node chart, String whenEmpty) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox card = new VBox(6, heading, chart == null ? emptyText(whenEmpty) : chart);
        card.setId(id);
        card.getStyleClass().add("chart-card");
        return card;
    }

    private static Label emptyText(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("empty-state-text");
        label.setWrapText(true);
        return label;
    }
}
