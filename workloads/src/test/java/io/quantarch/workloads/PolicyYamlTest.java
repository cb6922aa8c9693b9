package io.quantarch.workloads;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.PolicyYaml;
import io.quantarch.workloads.policy.Ptq;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.zoo.Zoo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyYamlTest {

    static QuantPolicy parse(String yaml) throws ConfigException {
        return PolicyYaml.parse(YamlNode.parse("p.yaml", yaml));
    }

    @Test
    void defaultsAndGlobOverridesResolvePerLayer() throws ConfigException {
        QuantPolicy p = parse("""
                version: 1
                name: mixed
                default:
                  weights: int4_sym_g128
                  inputs: {format: int8_sym_tensor, calibration: percentile:99.9}
                  ptq: {method: gptq, act_order: true}
                overrides:
                  - layers: "lm_head"
                    weights: int8_sym_channel
                    ptq: {method: rtn}
                  - layers: "model.layers.*.mlp.down_proj"
                    inputs: fp32
                  - layers: "model.layers.?.self_attn.attn"
                    kv_cache: int4_asym_g8
                """);
        LayerQuant q = p.forLayer("model.layers.3.self_attn.q_proj");
        assertEquals("int4_sym_g128", q.weights().label());
        assertEquals("int8_sym_tensor/p99.9", q.inputs().label());
        assertInstanceOf(Ptq.WeightRounding.Gptq.class, q.ptq().rounding());
        LayerQuant head = p.forLayer("lm_head");
        assertEquals("int8_sym_channel", head.weights().label());
        assertInstanceOf(Ptq.WeightRounding.Rtn.class, head.ptq().rounding());
        assertEquals("fp32", p.forLayer("model.layers.0.mlp.down_proj").inputs().label());
        assertEquals("int4_asym_g8", p.forLayer("model.layers.4.self_attn.attn").kvCache().label());
        assertEquals("fp32", p.forLayer("model.layers.4.self_attn.q_proj").kvCache().label());
        p.validateAgainst("stories260k", Zoo.byName("stories260k").layerNames());
    }

    @Test
    void unknownLayerNamesListTheNearestMatches() throws ConfigException {
        QuantPolicy p = parse("""
                version: 1
                overrides:
                  - layers: "model.layer.0.mlp.up_proj"
                    weights: int4_sym_g32
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.validateAgainst("stories260k", Zoo.byName("stories260k").layerNames()));
        assertTrue(e.getMessage().contains("overrides[0]") && e.getMessage().contains("model.layers.0.mlp.up_proj"), e.getMessage());
    }

    @Test
    void badValuesNameTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("version: 1\ndefault:\n  weights: int4_sym_g12x\n"));
        assertTrue(e.getMessage().contains("default.weights") && e.getMessage().contains("int4_sym_g12x"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> parse("version: 1\ndefault:\n  wieghts: int4_sym_g128\n"));
        assertTrue(e.getMessage().contains("did you mean 'weights'"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> parse("version: 2\n"));
        assertTrue(e.getMessage().contains("version 1"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> parse("version: 1\ndefault:\n  ptq: {method: rtn, act_order: true}\n"));
        assertTrue(e.getMessage().contains("only with method: gptq"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> parse("version: 1\ndefault:\n  inputs: {format: int8_sym_tensor, calibration: best}\n"));
        assertTrue(e.getMessage().contains("default.inputs.calibration"), e.getMessage());
    }
}
