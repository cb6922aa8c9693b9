package io.quantarch.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quantarch simulate} on fpga-dataflow architectures: folding, cycles, resources, fit and accuracy; bad input. */
class FpgaSimulateTest {

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String POLICY_INT4 = "version: 1\nname: int4\ndefault: {weights: int4_sym_channel, inputs: int4_sym_tensor}\n";

    @Test
    void mnistOnZcu104FoldsToTheTargetAndReportsResourcesAndAccuracy(@TempDir Path tmp) throws IOException {
        Path arch = write(tmp, "a.yaml", "version: 1\ntype: fpga-dataflow\ndevice: zcu104\nclock_mhz: 200\ntarget_cycles: 4000\n"
                + "folding:\n  fc: {pe: 2, simd: 16}\n");
        Path policy = write(tmp, "p.yaml", POLICY_INT4);
        Path out = tmp.resolve("r");
        CliRunner r = CliRunner.run("simulate", "--arch", arch.toString(), "--workload", "zoo:mnist_cnn", "--policy", policy.toString(),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Fits zcu104"), r.out());
        List<CSVRecord> layers = read(out.resolve("layers.csv"));
        assertEquals(List.of("conv1", "conv2", "fc"), layers.stream().map(l -> l.get("layer")).toList());
        long slowest = 0;
        for (CSVRecord l : layers) {
            long mw = Long.parseLong(l.get("mw"));
            long mh = Long.parseLong(l.get("mh"));
            long pe = Long.parseLong(l.get("pe"));
            long simd = Long.parseLong(l.get("simd"));
            long cycles = (mh / pe) * (mw / simd) * Long.parseLong(l.get("input_vectors"));
            assertEquals(cycles, Long.parseLong(l.get("cycles_per_frame")), l.get("layer"));
            assertTrue(cycles <= 4000, l.get("layer") + " meets the target");
            slowest = Math.max(slowest, cycles);
        }
        assertEquals("2", layers.get(2).get("pe"), "explicit folding wins over the target");
        assertEquals("none", layers.get(2).get("output_format"), "the last unit has no thresholds");
        assertEquals("int4", layers.get(0).get("output_format"), "conv1's thresholds quantize conv2's inputs");
        CSVRecord s = read(out.resolve("summary.csv")).get(0);
        assertEquals(slowest, Long.parseLong(s.get("initiation_interval_cycles")));
        assertEquals("true", s.get("fits"));
        long luts = layers.stream().mapToLong(l -> Long.parseLong(l.get("luts"))).sum();
        assertEquals(luts, Long.parseLong(s.get("luts")));
        double acc = Double.parseDouble(s.get("accuracy_pct"));
        assertTrue(acc > 97.5 && acc < 99.5, "INT4 MNIST accuracy " + acc);
    }

    @Test
    void aDesignThatDoesNotFitIsReportedAsSuch(@TempDir Path tmp) throws IOException {
        Path arch = write(tmp, "a.yaml", "version: 1\ntype: fpga-dataflow\ndevice: pynq-z1\nfolding:\n  conv1: {pe: 8, simd: 25}\n"
                + "  conv2: {pe: 16, simd: 200}\n");
        Path out = tmp.resolve("r");
        CliRunner r = CliRunner.run("simulate", "--arch", arch.toString(), "--workload", "zoo:mnist_cnn", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("DOES NOT FIT pynq-z1 (XC7Z020): LUTs"), r.out());
        CSVRecord s = read(out.resolve("summary.csv")).get(0);
        assertEquals("false", s.get("fits"));
        assertTrue(s.get("over_budget").startsWith("LUTs "), s.get("over_budget"));
    }

    @Test
    void badFpgaInputExitsTwoNamingTheProblemAndWritesNothing(@TempDir Path tmp) throws IOException {
        String[][] cases = {
                {"version: 1\ntype: fpga-dataflow\ndevic: zcu104\n", "devic"},
                {"version: 1\ntype: fpga-dataflow\ndevice: zcu105\n", "zcu104"},
                {"version: 1\ntype: fpga-dataflow\ndevice: zcu104\nfolding:\n  conv1: {pe: 3}\n", "PE 3 must divide MH 8"},
                {"version: 1\ntype: fpga-dataflow\ndevice: zcu104\nmultipliers: carry\n", "multipliers"}};
        int i = 0;
        for (String[] c : cases) {
            Path arch = write(tmp, "bad" + i + ".yaml", c[0]);
            Path out = tmp.resolve("out" + i++);
            CliRunner r = CliRunner.run("simulate", "--arch", arch.toString(), "--workload", "zoo:mnist_cnn", "--out", out.toString());
            assertEquals(2, r.exitCode(), c[0]);
            assertTrue(r.err().contains(c[1]) && r.err().contains(arch.getFileName().toString()), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace");
            assertFalse(Files.exists(out), "no result directory");
        }
        Path arch = write(tmp, "ok.yaml", "version: 1\ntype: fpga-dataflow\ndevice: zcu104\n");
        CliRunner fp32 = CliRunner.run("simulate", "--arch", arch.toString(), "--workload", "zoo:mnist_cnn", "--policy",
                write(tmp, "fp32.yaml", "version: 1\nname: f\ndefault: {weights: fp32, inputs: fp32}\n").toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, fp32.exitCode());
        assertTrue(fp32.err().contains("float32"), fp32.err());
        CliRunner study = CliRunner.run("fpga-study", "--images", "0", "--out", tmp.resolve("s").toString());
        assertEquals(2, study.exitCode());
        assertTrue(study.err().contains("--images"), study.err());
    }
}
