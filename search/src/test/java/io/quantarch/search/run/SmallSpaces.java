package io.quantarch.search.run;

import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SpaceYaml;
import io.quantarch.config.YamlNode;

/** Design spaces small enough to enumerate in a test. */
public final class SmallSpaces {

    private SmallSpaces() {
    }

    public static final String W4 = "[int8_sym_channel, int6_sym_channel, int4_sym_channel, int2_sym_channel]";

    /** ResNet-18 on Bit Fusion: 2 arrays x 4^4 weight formats = 512 designs; synthetic quality vs energy (and optionally area). */
    public static String resnet18(String objectives, String search) {
        return """
                version: 1
                name: small
                workload: zoo:resnet18
                quality: {synthetic: {seed: 3, rows: 8}}
                architecture:
                  base: {version: 1, pe: {type: bit-fusion}}
                  genes:
                    array: [16x16, 32x32]
                quantization:
                  default: {weights: int8_sym_channel, inputs: int8_sym_tensor}
                  genes:
                    - {layers: "conv1", weights: %1$s}
                    - {layers: "layer1.*", weights: %1$s}
                    - {layers: "layer4.*", weights: %1$s}
                    - {layers: "fc", weights: %1$s}
                objectives: %2$s
                search: %3$s
                """.formatted(W4, objectives, search);
    }

    public static DesignSpace parse(String yaml) throws Exception {
        return SpaceYaml.parse(YamlNode.parse("test-space.yaml", yaml), yaml, null, "test");
    }
}
