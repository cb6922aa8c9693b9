package io.quantarch.cli.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code run.json} of every command that writes a result directory: the command line, the version, the seed when there
 * is one, each input file named on the command line with its SHA-256, when it started and how long it took. (An
 * exploration writes its own, richer run.json with the same keys and more.)
 */
public final class RunJson {

    /** The command being run, set by the CLI's entry point for the files the run writes. */
    public record Invocation(List<String> args, Instant started, long startNanos) {

        public Invocation {
            args = List.copyOf(args);
        }
    }

    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunJson() {
    }

    public static void begin(List<String> args) {
        CURRENT.set(new Invocation(args, Instant.now(), System.nanoTime()));
    }

    public static void end() {
        CURRENT.remove();
    }

    /** Writes {@code dir/run.json} unless the run wrote one itself. */
    static void write(Path dir) throws IOException {
        Path file = dir.resolve("run.json");
        if (Files.exists(file)) {
            return;
        }
        Invocation inv = CURRENT.get();
        ObjectNode j = JSON.createObjectNode();
        String v = RunJson.class.getPackage().getImplementationVersion();
        j.put("quantarch_version", v == null ? "dev" : v);
        j.put("java", System.getProperty("java.version"));
        if (inv != null) {
            j.put("command", "quantarch " + String.join(" ", inv.args()));
            ArrayNode args = j.putArray("args");
            inv.args().forEach(args::add);
            int seed = inv.args().indexOf("--seed");
            if (seed >= 0 && seed + 1 < inv.args().size()) {
                j.put("seed", inv.args().get(seed + 1));
            }
            ObjectNode inputs = j.putObject("inputs_sha256");
            for (String a : inv.args()) {
                for (String part : a.contains("=") ? new String[] {a.substring(a.indexOf('=') + 1)} : new String[] {a}) {
                    Path p = Path.of(part);
                    if (!part.isEmpty() && Files.isRegularFile(p)) {
                        inputs.put(part, sha256(p));
                    }
                }
            }
            j.put("started", inv.started().toString());
            j.put("seconds", (System.nanoTime() - inv.startNanos()) / 1e9);
        }
        Files.writeString(file, JSON.writeValueAsString(j) + "\n");
    }

    static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
