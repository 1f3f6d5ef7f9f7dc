package org.cdpdesktop.cli;

import java.util.concurrent.Callable;
import org.cdpdesktop.core.model.CohortModelService;
import org.cdpdesktop.core.query.SqlFragment;
import org.cdpdesktop.core.segment.SegmentService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code predict}: the active model's cohort for a text or a profile, with reasons; or stored for many profiles. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict cohorts with the active model: for a text or one profile (with the terms behind it),"
                + " or for all profiles or a segment's, stored on each profile.")
final class PredictCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    static final class Target {
        @Option(names = "--text", paramLabel = "TEXT", description = "Interests or a bio, e.g. \"hiking, street food, flights\".")
        String text;

        @Option(names = "--profile", paramLabel = "ID", description = "One stored profile, by id.")
        Long profile;

        @Option(names = "--all", description = "Every profile; stores cohort, confidence and model on each.")
        boolean all;

        @Option(names = "--segment", paramLabel = "NAME", description = "A saved segment's members; stores the predictions.")
        String segment;
    }

    @Override
    public Integer call() throws Exception {
        CohortModelService models = root.app().cohortModels();
        Object result;
        if (target.text != null) {
            result = models.predictText(target.text);
        } else if (target.profile != null) {
            result = models.predictProfile(target.profile);
        } else {
            SqlFragment where = null;
            if (target.segment != null) {
                SegmentService segments = root.app().segments();
                where = segments.sql(segments.find(target.segment)
                        .orElseThrow(() -> new IllegalArgumentException("There is no segment named \"" + target.segment + "\"")).rule());
            }
            result = ForegroundJob.run(models.predictAllJob(where), spec.commandLine().getErr());
        }
        Json.println(spec.commandLine().getOut(), result);
        return RootCommand.EXIT_OK;
    }
}
