package io.quantarch.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.eval.QualityTable;
import io.quantarch.search.metric.MetricValues;
import io.quantarch.search.metric.Metrics;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SpaceYaml;
import io.quantarch.workloads.quality.Sensitivity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's paragraph on the main job states what the default study finds (how many front designs, of which PE
 * kinds, over which area range); this runs the study (the built-in space, as `./quantarch` does) and reads those
 * figures back from the paragraph: a regression pin of our own figures, not an external reference. It also checks
 * every evaluation of the run against the same design evaluated alone.
 */
class DefaultStudyReadmeTest {

    @Test
    void mainJobParagraphStatesTheStudysFront(@TempDir Path tmp) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String para = readme.substring(readme.indexOf("### The main job"));
        para = para.substring(0, para.indexOf("\n\n", para.indexOf("With no arguments")));
        Matcher m = Pattern.compile("(\\d+) front designs, (\\d+) int-mac\\s+and (\\d+) mx-dot .*?area ([0-9.]+)–([0-9.]+) mm²",
                Pattern.DOTALL).matcher(para);
        assertTrue(m.find(), "the README's main-job paragraph no longer states the front:\n" + para);

        Path out = tmp.resolve("default");
        CliRunner r = CliRunner.run("explore", "--space", Path.of("..", "examples", "explore", "stories260k-pe.yaml").toString(),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> front = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(out.resolve("pareto.csv"))) {
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).forEach(front::add);
        }
        assertEquals(Integer.parseInt(m.group(1)), front.size(), "front designs");
        assertEquals(Integer.parseInt(m.group(2)), front.stream().filter(x -> x.get("pe").equals("int-mac")).count(), "int-mac");
        assertEquals(Integer.parseInt(m.group(3)), front.stream().filter(x -> x.get("pe").startsWith("mx-dot")).count(), "mx-dot");
        double lo = front.stream().mapToDouble(x -> Double.parseDouble(x.get("area_mm2"))).min().orElseThrow();
        double hi = front.stream().mapToDouble(x -> Double.parseDouble(x.get("area_mm2"))).max().orElseThrow();
        assertEquals(Double.parseDouble(m.group(4)), lo, 0.005 + 1e-9, "smallest area");
        assertEquals(Double.parseDouble(m.group(5)), hi, 0.005 + 1e-9, "largest area");
        assertEveryEvaluationEqualsTheDesignAlone(out.resolve("evaluations.csv"));
    }

    /**
     * Every row of the study's evaluations.csv equals its design evaluated alone by a fresh evaluator (the search's
     * shared caches must not leak one design's costs into another's: the layer table once did, for 188 of these 672).
     */
    private static void assertEveryEvaluationEqualsTheDesignAlone(Path evaluations) throws Exception {
        DesignSpace space = SpaceYaml.read(Path.of("..", "examples", "explore", "stories260k-pe.yaml"));
        List<CSVRecord> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(evaluations)) {
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).forEach(rows::add);
        }
        QualityTable quality;
        try (LocalEvaluator e = new LocalEvaluator(space, 1)) {
            quality = e.prepare(Sensitivity.defaultCacheDir());
        }
        int checked = 0;
        for (CSVRecord row : rows) {
            if (row.get("latency_s").isEmpty()) {
                continue;                                             // a design the PE cannot run
            }
            int[] choice = new int[space.geneCount()];
            for (int g = 0; g < choice.length; g++) {
                String want = row.get(space.geneNames().get(g));
                for (int k = 0; k < space.options(g); k++) {
                    if (space.label(g, k).equals(want)) {
                        choice[g] = k;
                    }
                }
            }
            try (LocalEvaluator alone = new LocalEvaluator(space, 1)) {
                alone.install(quality);
                MetricValues v = alone.evaluate(List.of(choice)).get(0).metrics();
                assertEquals(Double.parseDouble(row.get("energy_pj")), v.get(Metrics.ENERGY_PJ), "energy of evaluation " + row.get("evaluation"));
                assertEquals(Double.parseDouble(row.get("latency_s")), v.get(Metrics.LATENCY_S), "latency of evaluation " + row.get("evaluation"));
                checked++;
            }
        }
        assertTrue(checked > 300, checked + " evaluations checked");
    }
}
