package io.quantarch.cli;

import io.quantarch.cli.run.RunDirectory;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SpaceYaml;
import io.quantarch.config.YamlNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What {@code ./quantarch} runs without arguments: the built-in co-design study (the same file as
 * {@code examples/explore/stories260k-pe.yaml}) -- the real stories260k language model on a systolic array,
 * searching PE kind, array size, per-block weight formats and the activation format for quality against energy
 * and area -- into {@code results/default-<timestamp>/}.
 */
final class DefaultJob {

    static final String SPACE = "default-space.yaml";

    private final Main.Io io;

    DefaultJob(Main.Io io) {
        this.io = io;
    }

    static DesignSpace space() throws Exception {
        String text;
        try (InputStream in = DefaultJob.class.getResourceAsStream(SPACE)) {
            if (in == null) {
                throw new IOException("built-in " + SPACE + " missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return SpaceYaml.parse(YamlNode.parse("built-in default space", text), text, null, "default");
    }

    int run() throws Exception {
        DesignSpace s = space();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path out = RunDirectory.resultsRoot().resolve("default-" + stamp);
        io.err().println("quantarch: the default study (examples/explore/stories260k-pe.yaml); "
                + "to rerun or resume: ./quantarch explore --space examples/explore/stories260k-pe.yaml --out " + out);
        return ExploreCommand.run(s, out, Runtime.getRuntime().availableProcessors(), io);
    }
}
