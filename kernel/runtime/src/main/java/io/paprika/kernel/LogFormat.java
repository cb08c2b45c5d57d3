package io.paprika.kernel;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** {@code --log-format}: text (conf/logback.xml, the default) or JSON lines (conf/logback-json.xml). */
final class LogFormat {
    private LogFormat() {
    }

    /** Switches logging to the format; false (after saying why on stderr) when it cannot. */
    static boolean apply(String format, Path home) {
        if ("text".equalsIgnoreCase(format)) {
            return true;
        }
        if (!"json".equalsIgnoreCase(format)) {
            System.err.println("spiced: --log-format `" + format + "` is not valid; use text or json");
            return false;
        }
        Path config = home.resolve("conf").resolve("logback-json.xml");
        if (!Files.isRegularFile(config)) {
            System.err.println("spiced: --log-format json needs " + config + ", which does not exist");
            return false;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config.toFile());
        } catch (JoranException e) {
            System.err.println("spiced: cannot read " + config + ": " + e.getMessage());
            return false;
        }
        return true;
    }
}
