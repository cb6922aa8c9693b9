package io.quantarch.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's two commands on a machine without a JDK >= 21: a fake JAVA_HOME, an empty JDK directory and a PATH with
 * only the shell tools the scripts use (no java, no javac) give one line saying what is missing and how to get it, and
 * exit code 2.
 */
class JdkFinderTest {

    @ParameterizedTest
    @ValueSource(strings = {"quantarch", "run-tests"})
    void noJdkIsOneLineAndExit2(String script, @TempDir Path tmp) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("dirname", "sed", "head", "readlink", "cat", "basename", "find", "mktemp", "rm", "tail", "touch")) {
            for (String dir : List.of("/usr/bin", "/bin")) {
                Path t = Path.of(dir, tool);
                if (Files.isExecutable(t) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), t);
                }
            }
        }
        Path fakeHome = Files.createDirectories(tmp.resolve("not-a-jdk"));
        Path jvms = Files.createDirectories(tmp.resolve("jvm"));
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", Path.of("..", script).toAbsolutePath().normalize().toString(), "--version");
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", bin.toString(), "JAVA_HOME", fakeHome.toString(), "QUANTARCH_JVM_DIR", jvms.toString(),
                "HOME", tmp.toString()));
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor(), "exit code; stderr: " + err);
        assertEquals("", out);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("no JDK >= 21 found") && err.contains("JAVA_HOME=" + fakeHome) && err.contains("install"), err);
    }
}
