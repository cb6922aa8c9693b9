package io.quantarch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input: exit 2, one message naming the file and line or key, no partial output, no stack trace. */
class BadInputTest {

    @TempDir
    Path tmp;

    private CliRunner quantize(String format, String csv, String... extra) throws IOException {
        Path in = tmp.resolve("in.csv");
        Files.writeString(in, csv);
        String[] base = {"quantize", "--format", format, "--in", in.toString(), "--out", tmp.resolve("out.csv").toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRunner.run(args);
    }

    private void assertCleanFailure(CliRunner r, String... mustMention) throws IOException {
        assertEquals(2, r.exitCode(), r.err());
        for (String s : mustMention) {
            assertTrue(r.err().contains(s), "message should mention '" + s + "': " + r.err());
        }
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(tmp.resolve("out.csv")), "no output file");
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temporary files left behind");
        }
    }

    @Test
    void unknownFormatListsTheValidNames() throws IOException {
        CliRunner r = quantize("fp8_e4m4", "value\n1.0\n");
        assertCleanFailure(r, "unknown format 'fp8_e4m4'", "did you mean 'fp8_e4m3'", "mxfp4", "int4_sym_g128");
    }

    @Test
    void malformedValueNamesTheFileLineAndColumn() throws IOException {
        CliRunner r = quantize("fp8_e4m3", "value\n1.0\n2.5\nabc\n");
        assertCleanFailure(r, "in.csv", "line 4", "'value'", "a decimal number", "'abc'");
    }

    @Test
    void malformedBitsNamesTheLine() throws IOException {
        CliRunner r = quantize("fp8_e4m3", "bits\n3F800000\n0x1234567890\n");
        assertCleanFailure(r, "line 3", "'bits'", "hex digits");
    }

    @Test
    void wrongFieldCountNamesTheLine() throws IOException {
        CliRunner r = quantize("fp8_e4m3", "value,channel\n1.0,0\n2.0\n");
        assertCleanFailure(r, "line 3", "2 fields", "found 1 fields");
    }

    @Test
    void missingValueColumnIsReported() throws IOException {
        CliRunner r = quantize("fp8_e4m3", "x,y\n1,2\n");
        assertCleanFailure(r, "'value' or a 'bits' column", "found a header of 2 columns");
    }

    @Test
    void missingInputFileIsReported() throws IOException {
        CliRunner r = CliRunner.run("quantize", "--format", "fp8_e4m3", "--in", tmp.resolve("nope.csv").toString(),
                "--out", tmp.resolve("out.csv").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("nope.csv") && r.err().contains("not found"), r.err());
    }

    @Test
    void noSaturateOnAFormatWithoutInfOrNaNIsRejected() throws IOException {
        CliRunner r = quantize("fp4_e2m1", "value\n100\n", "--no-saturate");
        assertCleanFailure(r, "fp4_e2m1 has neither Inf nor NaN");
    }

    @Test
    void oversizedExplicitBlockIsRejected() throws IOException {
        StringBuilder sb = new StringBuilder("block,value\n");
        for (int i = 0; i < 40; i++) {
            sb.append("0,").append(i).append('\n');
        }
        assertCleanFailure(quantize("mxfp4", sb.toString()), "blocks of at most 32 rows", "a block of 40 rows");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner r = CliRunner.run("quantize", "--format", "fp8_e4m3", "--in", "a.csv", "--out", "b.csv", "--frmat", "x");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--frmat"), r.err());
    }

    /** A one-row block dot-product architecture file with the given {@code pe:} mapping. */
    private Path mxDotArch(String pe) throws IOException {
        return Files.writeString(tmp.resolve("arch.yaml"), "version: 1\nname: mx-dot-test\narray: {rows: 1, cols: 32, dataflow: ws}\npe: " + pe
                + "\nmemory: {ifmap_kb: 64, filter_kb: 64, ofmap_kb: 64, dram_bytes_per_cycle: 16}\n");
    }

    @Test
    void unknownBlockScaleKindNamesTheFileKeyAndChoices() throws IOException {
        Path arch = mxDotArch("{type: mx-dot, lanes: 32, scales: e5m2}");
        CliRunner r = CliRunner.run("simulate", "--arch", arch.toString(), "--workload", "zoo:resnet18", "--out", tmp.resolve("out.csv").toString());
        assertEquals(2, r.exitCode(), r.err());
        for (String must : new String[] {"arch.yaml", "scales", "e8m0", "e4m3", "fp32", "e5m2"}) {
            assertTrue(r.err().contains(must), "message should mention '" + must + "': " + r.err());
        }
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(tmp.resolve("out.csv")), "no output");
    }

    @Test
    void nvfp4OnAnMxOnlyDotProductUnitNamesTheFix() throws IOException {
        Path arch = mxDotArch("{type: mx-dot, lanes: 32}");
        Path policy = tmp.resolve("nvfp4.yaml");
        Files.writeString(policy, "version: 1\nname: nvfp4\ndefault: {weights: nvfp4, inputs: nvfp4}\n");
        CliRunner r = CliRunner.run("simulate", "--arch", arch.toString(), "--policy", policy.toString(), "--workload", "zoo:resnet18",
                "--out", tmp.resolve("out").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("nvfp4") && r.err().contains("pe.scales"), r.err());
        assertFalse(Files.exists(tmp.resolve("out")), "no result directory");
    }
}
