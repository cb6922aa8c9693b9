package io.quantarch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's picocli copy for the AOT cache (scripts/UpgradeBytecode.java, JDK 25+): every class rewritten to
 * class-file version 52, and the CLI run on it (classes verified by the split verifier, as the JVM does for
 * application classes) prints exactly what it prints on the original jar.
 */
class UpgradeBytecodeTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void picocliRewrittenToJava8BehavesAsTheOriginal(@TempDir Path tmp) throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the launcher rewrites picocli only on JDK 25+");
        String cp = System.getProperty("java.class.path");
        String picocli = List.of(cp.split(java.io.File.pathSeparator)).stream()
                .filter(e -> e.matches(".*/picocli-[0-9][^/]*\\.jar")).findFirst().orElseThrow();
        Path upgraded = tmp.resolve("picocli-java8.jar");
        String out = run(List.of(java(), ROOT.resolve("scripts/UpgradeBytecode.java").toString(), picocli, upgraded.toString()));
        assertTrue(Files.isRegularFile(upgraded), "no rewritten jar: " + out);

        int classes = 0;
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(upgraded))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                    DataInputStream d = new DataInputStream(z);
                    assertEquals(0xCAFEBABE, d.readInt(), e.getName());
                    d.readUnsignedShort();
                    assertEquals(52, d.readUnsignedShort(), e.getName() + " class-file version");
                    classes++;
                }
            }
        }
        assertTrue(classes > 200, classes + " classes");

        String upgradedCp = cp.replace(picocli, upgraded.toString());
        for (List<String> args : List.of(List.of("--help"), List.of("simulate", "--help"), List.of("formats", "show", "fp8_e4m3"),
                List.of("simulate", "--no-such-option"))) {
            List<String> original = new ArrayList<>(List.of(java(), "-Xverify:all", "-cp", cp, Main.class.getName()));
            original.addAll(args);
            List<String> rewritten = new ArrayList<>(List.of(java(), "-Xverify:all", "-cp", upgradedCp, Main.class.getName()));
            rewritten.addAll(args);
            assertEquals(run(original), run(rewritten), "quantarch " + String.join(" ", args));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String run(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", argv));
        return "exit " + p.exitValue() + "\n" + out;
    }
}
