package io.paprika.kernel.config;

/**
 * A spicepod is invalid. The message names the key path and, when known, the line, and says what
 * to do; it never contains a secret value.
 */
public class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }

    public static ConfigException at(String keyPath, int line, String problem) {
        String where = line > 0 ? " (line " + line + ")" : "";
        return new ConfigException("spicepod: `" + keyPath + "`" + where + ": " + problem);
    }
}
