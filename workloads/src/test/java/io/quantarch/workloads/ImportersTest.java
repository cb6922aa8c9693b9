package io.quantarch.workloads;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.io.ScaleSimTopology;
import io.quantarch.workloads.io.WorkloadYaml;
import io.quantarch.config.YamlNode;
import io.quantarch.workloads.layer.Conv2d;
import io.quantarch.workloads.layer.Gemm;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.zoo.Zoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportersTest {

    @TempDir
    Path tmp;

    @Test
    void scaleSimResnet18TopologyReadsAsSixtyFourChannelConvolutions() throws Exception {
        Path f = tmp.resolve("resnet18_conv.csv");
        Files.writeString(f, """
                Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,
                conv1,229,229,7,7,3,64,2,
                conv2_x,58,58,3,3,64,64,1,
                conv3_ds,56,56,1,1,64,128,2,
                """);
        Workload w = ScaleSimTopology.read(f);
        Conv2d c1 = (Conv2d) w.layers().get(0);
        assertEquals(112, c1.outH(), "SCALE-Sim: ceil((229 - 7 + 2) / 2)");
        assertEquals(12544L * 64 * 147, c1.macs());
        assertEquals(3136, w.layers().get(1).gemms().get(0).m());
        assertEquals(28 * 28, w.layers().get(2).gemms().get(0).m(), "ceil((56 - 1 + 2) / 2) = 28");
    }

    @Test
    void topologyRoundTripsThroughTheWriter() throws Exception {
        Path f = tmp.resolve("t.csv");
        Files.writeString(f, """
                Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,
                a,28,28,3,3,16,32,1,
                b,15,15,3,3,32,64,2,
                dwDP,16,16,3,3,8,1,1,
                """);
        Workload w = ScaleSimTopology.read(f);
        StringWriter s = new StringWriter();
        ScaleSimTopology.write(w, s);
        Path f2 = tmp.resolve("t2.csv");
        Files.writeString(f2, s.toString());
        Workload back = ScaleSimTopology.read(f2);
        assertEquals(w.layers(), back.layers().stream().map(l -> l).toList().stream()
                .map(l -> l instanceof Conv2d c ? new Conv2d(c.name(), c.batch(), c.inChannels(), c.outChannels(), c.inH(), c.inW(),
                        c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padH(), c.padW(), c.groups(), c.bias()) : l).toList());
        Conv2d dw = (Conv2d) w.layers().get(2);
        assertEquals(8, dw.groups(), "a DP layer is depthwise: one group per channel, as SCALE-Sim splits it");
    }

    @Test
    void gemmFormReadsMnk() throws Exception {
        Path f = tmp.resolve("g.csv");
        Files.writeString(f, "Layer, M, N, K,\nfc1,128,4096,1024,\nfc2,1,32000,4096,\n");
        Workload w = ScaleSimTopology.read(f);
        assertEquals(new Gemm("fc1", 128, 4096, 1024, false), w.layers().get(0));
        StringWriter s = new StringWriter();
        ScaleSimTopology.write(w, s);
        Files.writeString(f, s.toString());
        assertEquals(w.layers(), ScaleSimTopology.read(f).layers());
    }

    @Test
    void badTopologyRowsNameTheLine() throws IOException {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "Layer, M, N, K,\nfc1,128,4096,1024,\nfc2,1,x,4096,\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ScaleSimTopology.read(f));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'N'") && e.getMessage().contains("'x'"), e.getMessage());
        Files.writeString(f, "Layer, M, N, K,\nfc1,128,4096,1024\n");
        e = assertThrows(ConfigException.class, () -> ScaleSimTopology.read(f));
        assertTrue(e.getMessage().contains("ending with ','"), e.getMessage());
        Files.writeString(f, "name,rows\nx,1,\n");
        e = assertThrows(ConfigException.class, () -> ScaleSimTopology.read(f));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("SCALE-Sim topology header"), e.getMessage());
    }

    @Test
    void yamlWorkloadParsesEveryLayerKind() throws ConfigException {
        Workload w = WorkloadYaml.parse(YamlNode.parse("w.yaml", """
                version: 1
                name: demo
                layers:
                  - {name: fc1, type: gemm, m: 128, n: 4096, k: 4096, bias: true}
                  - {name: conv1, type: conv2d, batch: 2, in_channels: 3, out_channels: 64, input: [224, 224], kernel: 7, stride: 2, padding: 3}
                  - {name: attn, type: attention, heads: 32, kv_heads: 8, query_len: 1, kv_len: 2048, head_dim: 128, causal: true}
                  - {name: ln, type: norm, kind: rms, rows: 1, width: 4096}
                  - {name: sm, type: softmax, rows: 1, cols: 32000}
                  - {name: act, type: elementwise, op: silu, elements: 11008}
                  - {name: emb, type: embedding, entries: 32000, dim: 4096, tokens: 1}
                """), "w");
        assertEquals(7, w.layers().size());
        assertEquals(112, ((Conv2d) w.layers().get(1)).outH());
        assertEquals(Zoo.byName("resnet18,batch=2").layers().get(0).macs(), w.layers().get(1).macs());
    }

    @Test
    void yamlErrorsNameTheKeyPath() {
        ConfigException e = assertThrows(ConfigException.class, () -> WorkloadYaml.parse(YamlNode.parse("w.yaml",
                "version: 1\nlayers:\n  - {name: a, type: gemm, m: 1, n: 2}\n"), "w"));
        assertTrue(e.getMessage().contains("layers[0].k") && e.getMessage().contains("required"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> WorkloadYaml.parse(YamlNode.parse("w.yaml",
                "version: 1\nlayers:\n  - {name: a, type: gemn, m: 1, n: 2, k: 3}\n"), "w"));
        assertTrue(e.getMessage().contains("did you mean 'gemm'"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> WorkloadYaml.parse(YamlNode.parse("w.yaml",
                "version: 1\nlayers:\n  - {name: a, type: gemm, m: 0, n: 2, k: 3}\n"), "w"));
        assertTrue(e.getMessage().contains("layers[0].m") && e.getMessage().contains("'0'"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> WorkloadYaml.parse(YamlNode.parse("w.yaml",
                "layers: []\n"), "w"));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
    }
}
