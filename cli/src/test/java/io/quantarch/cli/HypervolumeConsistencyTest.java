package io.quantarch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One front, one hypervolume: the command line, generations.csv, run.json and the report of a run print the same value,
 * and the report of two runs of the same space compares them on that same scale (no re-normalisation).
 */
class HypervolumeConsistencyTest {

    static final Path SPACE = Path.of("..", "examples", "explore", "resnet18-enumerable.yaml");

    static double cliLine(CliRunner r) {
        Matcher m = Pattern.compile("normalised hypervolume ([0-9.]+)").matcher(r.out() + r.err());
        assertTrue(m.find(), r.out() + r.err());
        return Double.parseDouble(m.group(1));
    }

    @Test
    void everyPlaceShowsTheSameHypervolume(@TempDir Path tmp) throws IOException {
        CliRunner dp = CliRunner.run("explore", "--space", SPACE.toString(), "--algorithm", "dp", "--out", tmp.resolve("dp").toString());
        assertEquals(0, dp.exitCode(), dp.err());
        CliRunner rnd = CliRunner.run("explore", "--space", SPACE.toString(), "--algorithm", "random", "--out", tmp.resolve("rnd").toString());
        assertEquals(0, rnd.exitCode(), rnd.err());
        for (String run : List.of("dp", "rnd")) {
            Path dir = tmp.resolve(run);
            double json = new ObjectMapper().readTree(dir.resolve("run.json").toFile()).get("hypervolume_normalised").asDouble();
            List<CSVRecord> gens = NestReferenceTest.csv(dir.resolve("generations.csv"));
            double csv = Double.parseDouble(gens.getLast().get("hypervolume"));
            assertEquals(json, csv, 0, run + ": generations.csv");
            assertEquals(String.format(Locale.ROOT, "%.4f", json), String.format(Locale.ROOT, "%.4f", cliLine(run.equals("dp") ? dp : rnd)));
            String html = Files.readString(dir.resolve("report.html"));
            assertTrue(html.contains(String.format(Locale.ROOT, "(%s): %.4f", run, json)), run + ": the report's final hypervolume");
        }
        CliRunner cmp = CliRunner.run("report", tmp.resolve("rnd").toString(), "--compare", tmp.resolve("dp").toString());
        assertEquals(0, cmp.exitCode(), cmp.err());
        assertTrue(!cmp.out().contains("re-normalised"), "runs of one space share the normalisation: " + cmp.out());
        double dpHv = new ObjectMapper().readTree(tmp.resolve("dp/run.json").toFile()).get("hypervolume_normalised").asDouble();
        double rndHv = new ObjectMapper().readTree(tmp.resolve("rnd/run.json").toFile()).get("hypervolume_normalised").asDouble();
        assertTrue(cmp.out().contains(String.format(Locale.ROOT, "%.4f", dpHv)) && cmp.out().contains(String.format(Locale.ROOT, "%.4f", rndHv)));
        assertTrue(dpHv > rndHv, "the exact front scores highest: " + dpHv + " vs random " + rndHv);
    }
}
