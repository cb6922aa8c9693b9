package io.quantarch.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --help} and {@code -h} on every registered command and subcommand: exit 0, usage, defaults, an example. */
class HelpTest {

    static void walk(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(path);
        for (var e : cl.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            walk(e.getValue(), p, out);
        }
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        List<List<String>> commands = new ArrayList<>();
        walk(Main.commandLine(new Main.Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))), List.of(), commands);
        assertTrue(commands.size() >= 20, "the command tree: " + commands);
        for (List<String> c : commands) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(c);
                args.add(flag);
                CliRunner r = CliRunner.run(args.toArray(String[]::new));
                String what = String.join(" ", args);
                assertEquals(0, r.exitCode(), what + ": " + r.err());
                assertTrue(r.out().contains("Usage: quantarch"), what + ": " + r.out());
                assertTrue(r.out().contains("Example"), what + " has no example: " + r.out());
                assertTrue(r.err().isEmpty(), what + " wrote to stderr: " + r.err());
            }
        }
    }
}
