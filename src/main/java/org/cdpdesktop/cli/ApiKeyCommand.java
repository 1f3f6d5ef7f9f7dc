package org.cdpdesktop.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.core.access.ApiKey;
import org.cdpdesktop.core.access.ApiRole;
import org.cdpdesktop.core.access.CreatedApiKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "apikey", mixinStandardHelpOptions = true,
        description = "Create, list or revoke keys for the local REST API.",
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.Names.class, ApiKeyCommand.Revoke.class})
final class ApiKeyCommand {

    @ParentCommand
    private RootCommand root;

    static Map<String, Object> describe(ApiKey key) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("name", key.name());
        output.put("role", key.role().key());
        output.put("prefix", key.prefix());
        output.put("createdAt", key.createdAt());
        output.put("lastUsedAt", key.lastUsedAt());
        return output;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key and print it once as {\"name\",\"role\",\"key\"}: only a salted hash of it is kept.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "A name to list and revoke the key by.")
        private String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer (reads) or admin (also writes, trains, deletes).")
        private String role;

        @ParentCommand
        private ApiKeyCommand parent;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            ApiRole parsed;
            try {
                parsed = ApiRole.parse(role);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            CreatedApiKey created = parent.root.app().apiKeys().create(name, parsed);
            Map<String, Object> output = describe(created.apiKey());
            output.put("key", created.key());
            Json.println(spec.commandLine().getOut(), output);
            return RootCommand.EXIT_OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the keys (never the keys themselves) as a JSON array.")
    static final class Names implements Callable<Integer> {
        @ParentCommand
        private ApiKeyCommand parent;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            Json.println(spec.commandLine().getOut(), parent.root.app().apiKeys().list().stream().map(ApiKeyCommand::describe).toList());
            return RootCommand.EXIT_OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by name; it stops working at once.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The name the key was created with.")
        private String name;

        @ParentCommand
        private ApiKeyCommand parent;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            if (!parent.root.app().apiKeys().revoke(name)) {
                throw new IllegalArgumentException("No API key named '" + name + "'");
            }
            Json.println(spec.commandLine().getOut(), Map.of("revoked", name));
            return RootCommand.EXIT_OK;
        }
    }
}
