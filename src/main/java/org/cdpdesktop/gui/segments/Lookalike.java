package org.cdpdesktop.gui.segments;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cdpdesktop.core.model.TermWeight;
import org.cdpdesktop.core.segment.Lookalikes;
import org.cdpdesktop.core.segment.Segment;
import org.cdpdesktop.gui.ErrorDialog;
import org.cdpdesktop.gui.task.JobsViewModel;

/** The lookalike row of the Insights tab: the profiles most like the saved segment's members, saved as a new segment. */
public final class Lookalike {

    /** Below this hold-out AUC a ranking is close to chance, and the user should know before using the audience. */
    private static final double GUESSING = 0.6;
    static final String START = "Save the segment, then give a size and a name to find the profiles most like its members";

    private final Lookalikes lookalikes;
    private final JobsViewModel jobs;
    private final Consumer<Lookalikes.Result> saved;
    private final SimpleStringProperty size = new SimpleStringProperty("");
    private final SimpleStringProperty name = new SimpleStringProperty("");
    private final SimpleStringProperty note = new SimpleStringProperty(START);
    private final SimpleBooleanProperty running = new SimpleBooleanProperty(false);

    Lookalike(Lookalikes lookalikes, JobsViewModel jobs, Consumer<Lookalikes.Result> saved) {
        this.lookalikes = lookalikes;
        this.jobs = jobs;
        this.saved = saved;
    }

    /** Trains on {@code seed}'s members and saves the best-scored others under the typed name, as a job. */
    void save(Segment seed) {
        if (seed == null) {
            note.set("Save this segment first: a lookalike starts from a saved segment");
            return;
        }
        int wanted;
        try {
            wanted = Integer.parseInt(size.get().strip().replace(",", ""));
        } catch (NumberFormatException e) {
            note.set("Type how many profiles the lookalike should hold, such as 500");
            return;
        }
        Lookalikes.Request request;
        try {
            request = new Lookalikes.Request(seed.name(), wanted, null, name.get().strip(), 1);
        } catch (IllegalArgumentException e) {
            note.set(e.getMessage());
            return;
        }
        if (request.saveAs().isEmpty()) {
            note.set("Name the new segment");
            return;
        }
        running.set(true);
        note.set("Learning what " + seed.name() + "’s members share and scoring everyone else…");
        jobs.submit(lookalikes.job(request), result -> {
            running.set(false);
            note.set(describe(result));
            saved.accept(result);
        }, failure -> {
            running.set(false);
            note.set("No lookalike saved: " + ErrorDialog.describe(failure));
        });
    }

    static String describe(Lookalikes.Result result) {
        String auc = result.auc() == null ? "not measurable" : String.format(Locale.ROOT, "%.2f", result.auc())
                + (result.auc() < GUESSING ? " (no better than guessing: little beyond the rule sets the members apart)" : "");
        String drivers = result.drivers().stream().limit(5).map(TermWeight::term).reduce((a, b) -> a + ", " + b).orElse("none");
        return String.format("Saved “%s”: %,d profiles like %s (score %.2f or more), hold-out AUC %s%s. Strongest signs: %s.",
                result.segment().name(), result.size(), result.seed(), result.threshold(), auc,
                result.excluded().isEmpty() ? "" : ", without " + String.join(" and ", result.excluded()), drivers);
    }

    public StringProperty sizeProperty() {
        return size;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty noteProperty() {
        return note;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }
}
