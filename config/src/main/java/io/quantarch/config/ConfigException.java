package io.quantarch.config;

import java.nio.file.Path;

/**
 * Bad input: names the file, the key or line, what was expected and what was found. The CLI turns
 * it into one message and exit code 2, and no result is written.
 */
public final class ConfigException extends Exception {

    private final String file;
    private final String where;
    private final String expected;
    private final String found;

    public ConfigException(String file, String where, String expected, String found) {
        super(format(file, where, expected, found));
        this.file = file;
        this.where = where;
        this.expected = expected;
        this.found = found;
    }

    public ConfigException(Path file, String where, String expected, String found) {
        this(file == null ? null : file.toString(), where, expected, found);
    }

    /** A message that is not about one value, e.g. a missing file. */
    public static ConfigException of(String file, String message) {
        return new ConfigException(file, null, message, null);
    }

    private static String format(String file, String where, String expected, String found) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
        }
        if (where != null) {
            sb.append(sb.isEmpty() ? "" : ": ").append(where);
        }
        if (!sb.isEmpty()) {
            sb.append(": ");
        }
        if (found != null) {
            sb.append("expected ").append(expected).append(", found ").append(found);
        } else {
            sb.append(expected);
        }
        return sb.toString();
    }

    public String file() {
        return file;
    }

    public String where() {
        return where;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
