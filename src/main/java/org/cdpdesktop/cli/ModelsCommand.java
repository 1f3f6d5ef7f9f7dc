package org.cdpdesktop.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cdpdesktop.core.model.CohortModel;
import org.cdpdesktop.core.model.CohortModelService;
import org.cdpdesktop.core.model.ModelException;
import org.cdpdesktop.core.model.ModelMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code models list|activate|explain}: the model registry in the data folder's {@code models/}. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the trained models, choose the active one, show the terms each cohort is predicted by.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Activate.class, ModelsCommand.Explain.class})
final class ModelsCommand {

    @ParentCommand
    private RootCommand root;

    CohortModelService models() {
        return root.app().cohortModels();
    }

    static Map<String, Object> summary(ModelMetadata model, Optional<String> activeId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", model.id());
        json.put("created", model.created());
        json.put("algorithm", model.algorithm());
        json.put("label", model.spec().labelName());
        json.put("classes", model.classes());
        json.put("trainingRows", model.trainingRows());
        json.put("evaluation", model.evaluation().method());
        json.put("accuracy", model.evaluation().accuracy());
        json.put("macroF1", model.evaluation().macroF1());
        json.put("active", activeId.filter(model.id()::equals).isPresent());
        return json;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every model, newest first.")
    static final class ListModels implements Callable<Integer> {

        @ParentCommand
        private ModelsCommand parent;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            CohortModelService models = parent.models();
            Optional<String> active = models.registry().activeId();
            List<Map<String, Object>> list = new ArrayList<>();
            models.models().forEach(model -> list.add(summary(model, active)));
            Json.println(spec.commandLine().getOut(), list);
            return RootCommand.EXIT_OK;
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Make a model the one that predicts.")
    static final class Activate implements Callable<Integer> {

        @ParentCommand
        private ModelsCommand parent;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "A model id from 'models list'.")
        private String id;

        @Override
        public Integer call() {
            ModelMetadata model = parent.models().activate(id);
            Json.println(spec.commandLine().getOut(), summary(model, Optional.of(model.id())));
            return RootCommand.EXIT_OK;
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "The terms that weigh most for and against each cohort (logistic regression models).")
    static final class Explain implements Callable<Integer> {

        @ParentCommand
        private ModelsCommand parent;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "A model id (default: the active model).")
        private String id;

        @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Terms per cohort and direction (default: ${DEFAULT-VALUE}).")
        private int top;

        @Override
        public Integer call() {
            CohortModelService models = parent.models();
            CohortModel model = id != null ? models.model(id)
                    : models.active().orElseThrow(() -> new ModelException("No model is active yet; train one or activate one first"));
            if (!model.explains()) {
                throw new ModelException("The model " + model.metadata().id() + " is a " + model.metadata().algorithm()
                        + " model; only logistic regression models have term weights to show");
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("modelId", model.metadata().id());
            json.put("cohorts", model.topTerms(top));
            Json.println(spec.commandLine().getOut(), json);
            return RootCommand.EXIT_OK;
        }
    }
}
