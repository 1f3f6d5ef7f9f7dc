package org.cdpdesktop.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.core.model.DriftReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drift}: how far today's profiles have moved from the active model's training data. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Compare the active model's training data with today's profiles: PSI for terms and cohort mix,"
                + " Kolmogorov-Smirnov for age and income.")
final class DriftCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        DriftReport report = root.app().cohortModels().drift();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("modelId", report.modelId());
        json.put("drifted", report.drifted());
        json.put("trainingRows", report.trainingRows());
        json.put("currentRows", report.currentRows());
        json.put("features", report.features());
        Json.println(spec.commandLine().getOut(), json);
        return RootCommand.EXIT_OK;
    }
}
