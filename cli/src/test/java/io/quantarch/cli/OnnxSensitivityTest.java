package io.quantarch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sensitivity --model M.onnx --inputs DIR}: every compute node of the CNTK MNIST CNN quantized alone; INT8 keeps
 * more signal than INT2 on every node (a per-node check of the ordering, not of a constant).
 */
class OnnxSensitivityTest {

    @Test
    void int8KeepsMoreSignalThanInt2OnEveryNode(@TempDir Path tmp) throws Exception {
        Path mnist = OnnxQualityTest.MNIST;
        CliRunner r = CliRunner.run("sensitivity", "--model", mnist.resolve("model.onnx").toString(), "--inputs", mnist.toString(),
                "--formats", "int8_sym_channel,int2_sym_channel", "--out", tmp.resolve("s").toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String[]> rows = Files.readAllLines(tmp.resolve("s").resolve("sensitivity.csv")).stream().skip(1).map(l -> l.split(","))
                .filter(c -> c[4].equals("output_sqnr_db")).toList();
        assertEquals(3 * 2, rows.size(), "3 compute nodes (2 Conv, 1 MatMul) x 2 formats");
        for (int k = 0; k < rows.size(); k += 2) {
            double int8 = Double.parseDouble(rows.get(k)[5]);
            double int2 = Double.parseDouble(rows.get(k + 1)[5]);
            assertTrue(int8 > int2 + 10, rows.get(k)[1] + ": INT8 " + int8 + " dB vs INT2 " + int2 + " dB");
        }
    }
}
