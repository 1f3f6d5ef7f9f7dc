package org.cdpdesktop.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.cdpdesktop.core.profile.ProfileMapping;
import org.cdpdesktop.core.query.ProfileQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = {"Print one page of profiles as JSON.",
            "Prints {\"total\": N, \"offset\": N, \"profiles\": [...]}, each profile in the shape every export uses."})
final class ProfilesCommand implements Callable<Integer> {

    @Mixin
    private ListingOptions listing;

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
        ProfileQuery query = listing.query();
        ProfileBrowser browser = root.app().profileBrowser();
        List<Profile> page = browser.page(query, offset, limit);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("total", browser.count(query));
        output.put("offset", offset);
        output.put("profiles", page.stream().map(ProfileMapping::toJson).toList());
        Json.println(spec.commandLine().getOut(), output);
        return RootCommand.EXIT_OK;
    }
}
