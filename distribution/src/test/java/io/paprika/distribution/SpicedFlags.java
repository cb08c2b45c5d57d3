package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.paprika.kernel.Main;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The launcher's real command line ({@link Main}'s picocli model): parses a container command the way
 * {@code spiced} would, without starting anything, and gives each option's value or default.
 */
final class SpicedFlags {
    private final ParseResult parsed;

    private SpicedFlags(ParseResult parsed) {
        this.parsed = parsed;
    }

    /** Parses the arguments after the program name; unknown flags or bad arity fail the test. */
    static SpicedFlags parse(List<String> args) {
        try {
            return new SpicedFlags(new CommandLine(new Main()).parseArgs(args.toArray(String[]::new)));
        } catch (CommandLine.ParameterException e) {
            return fail("spiced would reject " + args + ": " + e.getMessage());
        }
    }

    /** The value the command gives the option, or the option's default. */
    String value(String option) {
        OptionSpec spec = parsed.commandSpec().findOption(option);
        if (spec == null) {
            return fail("spiced has no option " + option);
        }
        OptionSpec matched = parsed.matchedOption(option);
        if (matched == null) {
            return spec.defaultValue();
        }
        Object value = matched.getValue();
        return String.valueOf(value);
    }

    /** The port Main listens on by default for an address option such as --http (127.0.0.1:8090 → 8090). */
    static int defaultPort(String option) {
        return portOf(SpicedFlags.parse(List.of()).value(option));
    }

    /** The port of the address the command gives the option. */
    int port(String option) {
        return portOf(value(option));
    }

    static int portOf(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        assertEquals(true, colon > 0, "not host:port: " + hostPort);
        return Integer.parseInt(hostPort.substring(colon + 1));
    }
}
