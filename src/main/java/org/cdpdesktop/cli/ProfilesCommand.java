package org.cdpdesktop.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.cdpdesktop.core.profile.ProfileMapping;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.profile.ProfileSort;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.query.RuleSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = "Print one page of profiles as JSON: {\"total\": N, \"profiles\": [...]}.")
final class ProfilesCommand implements Callable<Integer> {

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "Only profiles matching a rule, as segments write them, e.g. "
                    + "'country = \"Canada\" AND age between 25 and 34 AND interests contains \"travel\"'.")
    private String filter;

    @Option(names = "--search", paramLabel = "TEXT",
            description = "Only profiles whose email, name, external id or city contains TEXT (any case).")
    private String search;

    @Option(names = "--sort", paramLabel = "FIELD",
            description = "Order by a profile field (e.g. age, country) or attr:NAME; prefix with - for descending, e.g. -income.")
    private String sort;

    @Option(names = "--limit", defaultValue = "100", paramLabel = "N",
            description = "Profiles to print, at most " + ProfileBrowser.MAX_PAGE_SIZE + " (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--offset", defaultValue = "0", paramLabel = "N", description = "Profiles to skip first (default: ${DEFAULT-VALUE}).")
    private long offset;

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ProfileQuery query = new ProfileQuery(condition(), search, null, sort == null ? ProfileSort.NATURAL : ProfileSort.parse(sort));
        ProfileBrowser browser = root.app().profileBrowser();
        List<Profile> page = browser.page(query, offset, limit);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("total", browser.count(query));
        output.put("offset", offset);
        output.put("profiles", page.stream().map(ProfileMapping::toJson).toList());
        Json.println(spec.commandLine().getOut(), output);
        return RootCommand.EXIT_OK;
    }

    private Condition condition() {
        if (filter == null) {
            return null;
        }
        try {
            return RuleParser.parse(filter);
        } catch (RuleSyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--filter " + e.getMessage());
        }
    }
}
