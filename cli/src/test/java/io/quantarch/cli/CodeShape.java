package io.quantarch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shape of the main code: the largest files (one top-level class each) and methods, and every {@code default} branch
 * of a switch, which must say why its selector is an open type ({@code // open: ...}): a switch over a sealed type or an
 * enum lists every case instead, so adding a variant is a compile error wherever it must be handled.
 * Run as a script: {@code java cli/src/test/java/io/quantarch/cli/CodeShape.java [ROOT]} (also {@code scripts/code-shape}).
 */
public final class CodeShape {

    public static final int MAX_FILE_LINES = 400;
    public static final int MAX_METHOD_LINES = 60;

    /** A measured unit: a file or a method, and its length in lines. */
    public record Unit(Path file, String name, int line, int lines) { }

    private static final Pattern METHOD = Pattern.compile(
            "^\\s+(?:(?:public|protected|private|static|final|synchronized|default|abstract|native)\\s+)*"
                    + "(?:<[^>]+>\\s+)?[\\w.<>\\[\\], ?]+\\s+(\\w+)\\s*\\([^;]*$");
    private static final Pattern CONSTRUCTOR = Pattern.compile("^\\s+(?:public|protected|private)?\\s*([A-Z]\\w*)\\s*(\\([^;]*)?\\{\\s*$");
    private static final Pattern DEFAULT = Pattern.compile("^\\s*(?:case null,\\s*)?default\\s*(->|:)");

    private CodeShape() {
    }

    /** Every main-code Java file under {@code root} (a module's {@code src/main/java}). */
    public static List<Path> mainSources(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Unit> files(List<Path> sources) {
        List<Unit> out = new ArrayList<>();
        for (Path f : sources) {
            out.add(new Unit(f, f.getFileName().toString(), 1, lines(f).size()));
        }
        out.sort(Comparator.comparingInt(Unit::lines).reversed());
        return out;
    }

    /** Methods and constructors with their length from signature to closing brace. */
    public static List<Unit> methods(List<Path> sources) {
        List<Unit> out = new ArrayList<>();
        for (Path f : sources) {
            List<String> l = lines(f);
            for (int i = 0; i < l.size(); i++) {
                String s = l.get(i);
                Matcher m = METHOD.matcher(s);
                Matcher c = CONSTRUCTOR.matcher(s);
                String name = m.find() && !isControl(m.group(1)) ? m.group(1) : c.find() ? c.group(1) : null;
                if (name == null || s.trim().startsWith("return") || s.trim().startsWith("new ") || s.contains(" = ")) {
                    continue;
                }
                int end = closing(l, i);
                if (end > i) {
                    out.add(new Unit(f, name, i + 1, end - i + 1));
                    i = Math.max(i, end - 1) - (end - i) + 1;                 // nested methods (local classes) are measured too
                }
            }
        }
        out.sort(Comparator.comparingInt(Unit::lines).reversed());
        return out;
    }

    private static boolean isControl(String word) {
        return List.of("if", "for", "while", "switch", "catch", "synchronized", "return", "new", "else", "try").contains(word);
    }

    /** The line of the brace closing the block opened on or after line {@code from}; -1 when the declaration has no body. */
    private static int closing(List<String> l, int from) {
        int depth = 0;
        boolean opened = false;
        for (int i = from; i < l.size(); i++) {
            String s = strip(l.get(i));
            for (int k = 0; k < s.length(); k++) {
                char ch = s.charAt(k);
                if (ch == ';' && !opened && depth == 0) {
                    return -1;                                           // an abstract or interface method
                }
                if (ch == '{') {
                    depth++;
                    opened = true;
                } else if (ch == '}') {
                    depth--;
                    if (opened && depth == 0) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** The line without string and char literals and line comments (so braces in them do not count). */
    private static String strip(String s) {
        StringBuilder b = new StringBuilder();
        boolean str = false;
        boolean chr = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!str && !chr && c == '/' && k + 1 < s.length() && s.charAt(k + 1) == '/') {
                break;
            }
            if (c == '\\' && (str || chr)) {
                k++;
                continue;
            }
            if (c == '"' && !chr) {
                str = !str;
                continue;
            }
            if (c == '\'' && !str) {
                chr = !chr;
                continue;
            }
            if (!str && !chr) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Every {@code default} branch whose line does not say {@code // open:} (the selector is a string, a number, ...). */
    public static List<Unit> unexplainedDefaults(List<Path> sources) {
        List<Unit> out = new ArrayList<>();
        for (Path f : sources) {
            List<String> l = lines(f);
            boolean textBlock = false;
            for (int i = 0; i < l.size(); i++) {
                if ((l.get(i).split("\"\"\"", -1).length - 1) % 2 == 1) {
                    textBlock = !textBlock;                               // YAML or text inside a text block is not code
                    continue;
                }
                if (!textBlock && DEFAULT.matcher(l.get(i)).find() && !l.get(i).contains("// open:")) {
                    out.add(new Unit(f, l.get(i).trim(), i + 1, 1));
                }
            }
        }
        return out;
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<Path> src = mainSources(root);
        List<Unit> files = files(src);
        List<Unit> methods = methods(src);
        System.out.println("Largest files (limit " + MAX_FILE_LINES + " lines):");
        files.stream().limit(10).forEach(u -> System.out.printf("  %5d  %s%n", u.lines(), root.relativize(u.file())));
        System.out.println("Largest methods (limit " + MAX_METHOD_LINES + " lines):");
        methods.stream().limit(10).forEach(u -> System.out.printf("  %5d  %s:%d %s%n", u.lines(), root.relativize(u.file()), u.line(), u.name()));
        List<Unit> defaults = unexplainedDefaults(src);
        System.out.println("default branches without '// open:': " + defaults.size());
        defaults.forEach(u -> System.out.printf("  %s:%d %s%n", root.relativize(u.file()), u.line(), u.name()));
        boolean ok = files.get(0).lines() <= MAX_FILE_LINES && (methods.isEmpty() || methods.get(0).lines() <= MAX_METHOD_LINES) && defaults.isEmpty();
        System.exit(ok ? 0 : 1);
    }
}
