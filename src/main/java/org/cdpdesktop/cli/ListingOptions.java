package org.cdpdesktop.cli;

import org.cdpdesktop.core.profile.ProfileSort;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.query.RuleSyntaxException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Which profiles, in which order: the options {@code profiles} and {@code export} share, as the Profiles screen's listing. */
final class ListingOptions {

    @Option(names = "--filter", paramLabel = "RULE",
            description = "Only profiles matching a rule, as segments write them, for example "
                    + "'country = \"Canada\" AND age between 25 and 34 AND interests contains \"travel\"'.")
    private String filter;

    @Option(names = "--search", paramLabel = "TEXT",
            description = "Only profiles whose email, name, external id or city contains TEXT (any case).")
    private String search;

    @Option(names = "--sort", paramLabel = "FIELD",
            description = "Order by a profile field (e.g. age, country) or attr:NAME; prefix with - for descending, e.g. -income. "
                    + "Profiles without a value come last either way (default: the store's order).")
    private String sort;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    ProfileQuery query() {
        return new ProfileQuery(condition(), search, null, sort == null ? ProfileSort.NATURAL : parseSort());
    }

    private ProfileSort parseSort() {
        try {
            return ProfileSort.parse(sort);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--sort " + e.getMessage());
        }
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
