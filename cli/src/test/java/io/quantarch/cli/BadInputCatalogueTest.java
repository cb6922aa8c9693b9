package io.quantarch.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input catalogue (src/test/resources/bad-input/catalogue.yaml): each case runs one command on malformed
 * input and must exit 2 with exactly one line that names the file or option and what was found, with no stack
 * trace, nothing echoed from another file, and nothing left behind (no result, no temporary file).
 */
class BadInputCatalogueTest {

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() throws IOException {
        try (InputStream in = BadInputCatalogueTest.class.getResourceAsStream("/bad-input/catalogue.yaml")) {
            LoaderOptions options = new LoaderOptions();
            options.setProcessComments(false);
            Map<String, Object> doc = new Yaml(options).load(in);
            return (List<Map<String, Object>>) doc.get("cases");
        }
    }

    @TestFactory
    Stream<DynamicTest> catalogue() throws IOException {
        List<Map<String, Object>> cases = cases();
        assertTrue(cases.size() >= 90, "the catalogue holds at least 90 cases, found " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> runCase(c)));
    }

    @SuppressWarnings("unchecked")
    private static void runCase(Map<String, Object> c) throws IOException {
        Path dir = Files.createTempDirectory("quantarch-bad-input");
        try {
            write(dir, (Map<String, Object>) c.getOrDefault("files", Map.of()), (List<String>) c.getOrDefault("latin1", List.of()));
            for (var e : ((Map<String, Object>) c.getOrDefault("big", Map.of())).entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), "version: 1\n#" + "x".repeat(((Number) e.getValue()).intValue()) + "\n");
            }
            if (c.containsKey("run")) {                      // a valid run the bad command then refers to
                write(dir, (Map<String, Object>) c.get("pre"), List.of());
                CliRunner ok = CliRunner.run(args(dir, (List<Object>) c.get("run")));
                assertEquals(0, ok.exitCode(), ok.err());
            }
            TreeSet<String> before = listing(dir);
            CliRunner r = CliRunner.run(args(dir, (List<Object>) c.get("args")));
            String err = r.err().strip();
            assertEquals(2, r.exitCode(), "exit code; stderr: " + r.err());
            assertFalse(err.contains("\n"), "one line of message, found: " + r.err());
            assertTrue(err.startsWith("quantarch"), err);
            assertFalse(err.contains("\tat ") || err.contains("Exception:"), "no stack trace or exception name: " + err);
            for (Object s : (List<Object>) c.getOrDefault("says", List.of())) {
                String want = String.valueOf(s);
                assertTrue(err.contains(want), "message should mention '" + want + "': " + err);
            }
            for (Object s : (List<Object>) c.getOrDefault("never", List.of())) {
                assertFalse(err.contains(String.valueOf(s)), "message must not echo '" + s + "' from another file: " + err);
            }
            assertEquals(before, listing(dir), "nothing written or left behind");
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void write(Path dir, Map<String, Object> files, List<String> latin1) throws IOException {
        for (var e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            String text = String.valueOf(e.getValue());
            Files.write(p, text.getBytes(latin1.contains(e.getKey()) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        }
    }

    private static String[] args(Path dir, List<Object> raw) {
        List<String> out = new ArrayList<>();
        for (Object o : raw) {
            String a = String.valueOf(o);
            int at = a.startsWith("@") ? 0 : a.contains(":@") ? a.indexOf(":@") + 1 : -1;   // a file in the case's directory
            out.add(at < 0 ? a : a.substring(0, at) + dir.resolve(a.substring(at + 1)));
        }
        return out.toArray(String[]::new);
    }

    private static TreeSet<String> listing(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            TreeSet<String> names = new TreeSet<>();
            walk.forEach(p -> names.add(dir.relativize(p).toString()));
            return names;
        }
    }
}
