package io.quantarch.cli;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole networks and co-design on a Timeloop hierarchy: {@code simulate --mapping auto} maps every convolution of
 * ResNet-18 onto the Eyeriss-like design, each written mapping reads back through {@code nest model} to the layer's
 * numbers, and {@code explore} over hierarchy genes and weight formats writes a front whose designs' mappings are kept.
 */
class HierarchyCodesignTest {

    static final Path EYERISS = Path.of("..", "examples", "hierarchy", "eyeriss_like.yaml");

    @Test
    void everyLayerOfResNet18IsMappedAndItsMappingReadsBack(@TempDir Path tmp) throws IOException {
        CliRunner r = CliRunner.run("simulate", "--arch", EYERISS.toString(), "--workload", "zoo:resnet18", "--mapping", "auto",
                "--mapper-budget", "600", "--threads", "2", "--out", tmp.resolve("o").toString());
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> layers = NestReferenceTest.csv(tmp.resolve("o/layers.csv"));
        List<CSVRecord> mapped = layers.stream().filter(l -> !l.get("mapping").isEmpty()).toList();
        assertEquals(21, mapped.size(), "20 convolutions and the classifier");
        CSVRecord s = NestReferenceTest.csv(tmp.resolve("o/summary.csv")).get(0);
        assertEquals(1_814_073_344L, Long.parseLong(s.get("macs")), "ResNet-18's multiply-accumulates, batch 1");
        assertTrue(Long.parseLong(s.get("cycles")) >= 1_814_073_344L / 168, "no faster than all 168 PEs busy");
        assertTrue(Long.parseLong(s.get("distinct_nests")) < 21, "repeated shapes are mapped once");

        CSVRecord conv = mapped.stream().filter(l -> l.get("layer").equals("layer2.1.conv1")).findFirst().orElseThrow();
        CliRunner back = CliRunner.run("nest", "model", "--arch", EYERISS.toString(), "--workload", "zoo:resnet18", "--layer", "layer2.1.conv1",
                "--mapping", tmp.resolve("o").resolve(conv.get("mapping")).toString(), "--out", tmp.resolve("back").toString());
        assertEquals(0, back.exitCode(), back.err());
        CSVRecord b = NestReferenceTest.csv(tmp.resolve("back/summary.csv")).get(0);
        assertEquals(Double.parseDouble(conv.get("energy_pj")), Double.parseDouble(b.get("energy_pj")), 0);
        assertEquals(Long.parseLong(conv.get("cycles")), Long.parseLong(b.get("cycles")));
    }

    static Path space(Path tmp, String genes, String mapping) throws IOException {
        Path s = tmp.resolve("space.yaml");
        Files.writeString(s, """
                version: 1
                workload: zoo:resnet18
                quality: {synthetic: {seed: 1, rows: 4}}
                architecture:
                  base: %s
                %s  mapper: {budget: 300}
                  genes:
                %s
                quantization:
                  default: {weights: int8_sym_channel, inputs: int8_sym_tensor}
                  genes:
                    - {layers: "layer4.*", weights: [int8_sym_channel, int4_sym_g32]}
                objectives: {synthetic_output_nsr: min, energy_pj: min}
                search: {algorithm: nsga2, population: 4, generations: 2, seed: 3}
                """.formatted(EYERISS.toAbsolutePath().normalize(), mapping, genes));
        return s;
    }

    @Test
    void exploreOverHierarchyGenesKeepsTheFrontsMappings(@TempDir Path tmp) throws IOException {
        Path s = space(tmp, "    hierarchy.shared_glb.depth: [4096, 16384]\n    hierarchy.PE.meshY: [6, 12]", "  mapping: auto\n");
        CliRunner r = CliRunner.run("explore", "--space", s.toString(), "--out", tmp.resolve("o").toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> front = NestReferenceTest.csv(tmp.resolve("o/pareto.csv"));
        assertTrue(!front.isEmpty());
        for (CSVRecord p : front) {
            Path maps = tmp.resolve("o/front_mappings/e" + p.get("evaluation"));
            try (var files = Files.list(maps)) {
                assertEquals(21, files.count(), "one mapping per mapped layer of design " + p.get("evaluation"));
            }
        }
        List<CSVRecord> layers = NestReferenceTest.csv(tmp.resolve("o/front_layers.csv"));
        double sum = layers.stream().filter(l -> l.get("evaluation").equals(front.get(0).get("evaluation")))
                .mapToDouble(l -> Double.parseDouble(l.get("energy_pj"))).sum();
        assertEquals(Double.parseDouble(front.get(0).get("energy_pj")), sum, 1e-9 * sum, "the front's energy is its layers' mapped energy");
    }

    @Test
    void aHierarchyGeneNamingNoParameterIsExit2(@TempDir Path tmp) throws IOException {
        Path s = space(tmp, "    hierarchy.shared_glb.meshX: [2, 4]", "  mapping: auto\n");
        CliRunner r = CliRunner.run("explore", "--space", s.toString(), "--out", tmp.resolve("o").toString());
        NestCommandTest.bad(r, tmp.resolve("o"), "space.yaml", "hierarchy.shared_glb.meshX", "storage attribute");
    }

    @Test
    void aHierarchyBaseWithoutMappingAutoIsExit2(@TempDir Path tmp) throws IOException {
        Path s = space(tmp, "    hierarchy.shared_glb.depth: [4096, 16384]", "");
        CliRunner r = CliRunner.run("explore", "--space", s.toString(), "--out", tmp.resolve("o").toString());
        NestCommandTest.bad(r, tmp.resolve("o"), "space.yaml", "mapping: auto");
    }
}
