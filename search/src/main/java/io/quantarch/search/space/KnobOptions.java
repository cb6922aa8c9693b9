package io.quantarch.search.space;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.cost.actions.CostModelSpec;
import io.quantarch.cost.actions.FpgaDevice;
import io.quantarch.cost.actions.MvauUnit;
import io.quantarch.cost.estimate.CostModels;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.fpga.MvauLayer;
import io.quantarch.simulator.io.ArchitectureYaml;
import io.quantarch.simulator.pe.PeKinds;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One option of an architecture gene, read from the space file by the knob it varies: its value and its CSV label. */
record KnobOptions(Object value, String label) {

    private static final Pattern ARRAY = Pattern.compile("(\\d+)\\s*[xX]\\s*(\\d+)");

    /**
     * The option {@code o} of knob {@code k}; {@code unit} is the FPGA layer of a per-layer knob ({@code fpga.pe.LAYER}),
     * {@code baseDir} where a cost table's path starts.
     */
    static KnobOptions read(ArchKnob k, YamlNode o, Path baseDir, MvauLayer unit) throws ConfigException {
        return switch (k) {
            case ROWS, COLS -> integer(o.asInt(1, 65536));
            case ARRAY -> array(o);
            case DATAFLOW -> {
                String d = o.asChoice(List.of("os", "ws", "is"));
                yield new KnobOptions(Dataflow.parse(d), d);
            }
            case PE -> pe(o);
            case IFMAP_KB, FILTER_KB, OFMAP_KB, SRAM_KB -> real(o.asDouble(1e-3, 1e9));
            case DRAM_BYTES_PER_CYCLE -> o.asText().equalsIgnoreCase("unlimited") ? new KnobOptions(Double.POSITIVE_INFINITY, "unlimited")
                    : real(o.asDouble(1e-6, 1e9));
            case CLOCK_GHZ -> real(o.asDouble(1e-6, 1e3));
            case COST_MODEL -> costModel(o, baseDir);
            case DRAM -> {
                String d = o.asChoice(io.quantarch.cost.memory.DramTechnologies.REGISTRY.names());
                yield new KnobOptions(d, d);
            }
            case FPGA_PE, FPGA_SIMD -> folding(k, o, unit);
            case FPGA_TARGET_CYCLES -> {
                long t = o.asLong(0, Long.MAX_VALUE);
                yield new KnobOptions(t, Long.toString(t));
            }
            case FPGA_DEVICE -> {
                String d = o.asChoice(FpgaDevice.names());
                yield new KnobOptions(FpgaDevice.byName(d), d);
            }
            case FPGA_MULTIPLIERS -> {
                String m = o.asChoice(List.of("lut", "dsp"));
                yield new KnobOptions(MvauUnit.Multipliers.valueOf(m.toUpperCase(Locale.ROOT)), m);
            }
            case FPGA_CLOCK_MHZ -> real(o.asDouble(1e-3, 1e4));
            case ATTN_TOKEN_KEEP, ATTN_HEAD_KEEP, ATTN_CONFIDENCE, ATTN_DENSITY -> real(o.asDouble(1e-3, 1));
            case ATTN_KV_BITS, ATTN_MSB_BITS, ATTN_QK_BITS, ATTN_P_BITS, ATTN_V_BITS -> attentionBits(o);
            case ATTN_LOCAL_WINDOW -> integer(o.asInt(0, 512));
            case HIERARCHY -> {
                double v = o.asDouble(1e-9, 1e15);
                yield new KnobOptions(v, v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
            }
        };
    }

    private static KnobOptions integer(int x) {
        return new KnobOptions(x, Integer.toString(x));
    }

    private static KnobOptions real(double x) {
        return new KnobOptions(x, num(x));
    }

    private static KnobOptions array(YamlNode o) throws ConfigException {
        Matcher m = ARRAY.matcher(o.asText().trim());
        if (!m.matches()) {
            throw o.errorAt("ROWSxCOLS, e.g. 32x32", "'" + o.asText() + "'");
        }
        int r = Integer.parseInt(m.group(1));
        int c = Integer.parseInt(m.group(2));
        if (r < 1 || c < 1 || r > 65536 || c > 65536) {
            throw o.errorAt("rows and columns in 1..65536", "'" + o.asText() + "'");
        }
        return new KnobOptions(new int[] {r, c}, r + "x" + c);
    }

    private static KnobOptions pe(YamlNode o) throws ConfigException {
        if (!o.isMapping()) {
            o.asChoice(PeKinds.names());
        }
        YamlNode spec = o.isMapping() ? o : YamlNode.parse(o.file(), "type: " + o.asText());
        return new KnobOptions(ArchitectureYaml.pe(spec), o.isMapping() ? peLabel(o) : o.asText().trim());
    }

    private static KnobOptions costModel(YamlNode o, Path baseDir) throws ConfigException {
        CostModelSpec spec = ArchitectureYaml.costModel(o, baseDir);
        try {
            CostModels.of(spec);                                  // a bad table is a configuration error now
        } catch (IllegalArgumentException e) {
            throw o.errorAt("a cost model (" + CostModelSpec.SYNTAX + ")", e.getMessage());
        }
        return new KnobOptions(spec, o.isMapping() ? spec.toString() : o.asText().trim());
    }

    private static KnobOptions folding(ArchKnob k, YamlNode o, MvauLayer unit) throws ConfigException {
        int x = o.asInt(1, 1 << 20);
        int dim = k == ArchKnob.FPGA_PE ? unit.mh() : unit.mw();
        if (dim % x != 0) {
            throw o.errorAt("a divisor of " + (k == ArchKnob.FPGA_PE ? "MH" : "MW") + " = " + dim + " of " + unit.name(), Integer.toString(x));
        }
        return integer(x);
    }

    private static KnobOptions attentionBits(YamlNode o) throws ConfigException {
        int b = o.asInt(0, 16);
        if (b == 1) {
            throw o.errorAt("0 (float32) or 2..16 bits", "1");
        }
        return integer(b);
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static String peLabel(YamlNode o) throws ConfigException {
        StringBuilder b = new StringBuilder(o.get("type").asText());
        for (Map.Entry<String, YamlNode> e : o.entries()) {
            if (!e.getKey().equals("type")) {
                b.append(';').append(e.getKey()).append('=').append(e.getValue().asText());
            }
        }
        return b.toString();
    }

}
