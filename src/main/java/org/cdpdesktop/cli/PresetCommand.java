package org.cdpdesktop.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.core.ingest.ColumnMapping;
import org.cdpdesktop.core.ingest.ImportFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "preset", mixinStandardHelpOptions = true,
        description = "List, save or delete named column mappings, shared with the import wizard.",
        subcommands = {PresetCommand.Names.class, PresetCommand.Save.class, PresetCommand.Delete.class})
final class PresetCommand {

    @ParentCommand
    private RootCommand root;

    RootCommand root() {
        return root;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the preset names as a JSON array.")
    static final class Names implements Callable<Integer> {
        @ParentCommand
        private PresetCommand parent;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            Json.println(spec.commandLine().getOut(), parent.root().app().presets().names());
            return RootCommand.EXIT_OK;
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true,
            description = "Save a column mapping under NAME: the default mapping of --from FILE's columns (if given) with each --map applied.")
    static final class Save implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The preset's name.")
        private String name;

        @Option(names = "--from", paramLabel = "FILE", description = "A file (CSV, Excel, JSON) whose columns the preset describes.")
        private Path from;

        @Option(names = "--map", paramLabel = "SOURCE=FIELD", description = "As for 'import --map'.")
        private List<String> maps = new ArrayList<>();

        @ParentCommand
        private PresetCommand parent;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<String> headers = from == null ? null : ImportFiles.preview(from, null, null, 0, 0).headers();
            ColumnMapping base = headers == null ? new ColumnMapping(new LinkedHashMap<>(), null) : ColumnMapping.auto(headers);
            ColumnMapping mapping = MappingOptions.apply(base, maps, headers);
            parent.root().app().presets().save(name, mapping);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("saved", name.strip());
            line.put("columns", mapping.targets().size());
            Json.println(spec.commandLine().getOut(), line);
            return RootCommand.EXIT_OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a preset.")
    static final class Delete implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The preset's name.")
        private String name;

        @ParentCommand
        private PresetCommand parent;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            parent.root().app().presets().delete(name);
            Json.println(spec.commandLine().getOut(), Map.of("deleted", name.strip()));
            return RootCommand.EXIT_OK;
        }
    }
}
