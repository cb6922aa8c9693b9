package io.quantarch.pricing.nest;

import io.quantarch.cost.actions.ActionKey;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Inventory;
import io.quantarch.cost.actions.Part;
import io.quantarch.cost.actions.UnitKind;
import io.quantarch.cost.actions.Variant;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.cost.estimate.CostModels;
import io.quantarch.cost.memory.CactiSurface;
import io.quantarch.cost.memory.DramTechnologies;
import io.quantarch.cost.memory.DramTechnology;
import io.quantarch.cost.memory.RegisterFile;
import io.quantarch.simulator.nest.NestArchitecture;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * quantarch's own prices for a Timeloop hierarchy, without Accelergy's tables, by each component's class:
 * <ul>
 * <li>{@code DRAM}: the DRAM technology of its {@code type} attribute (default LPDDR4) per bit of the access width;</li>
 * <li>{@code SRAM}: CACTI 7 (the shipped surface) for {@code depth x width} with {@code n_banks} UCA banks;
 * {@code smartbuffer_SRAM} the same with one bank (its compound passes none) plus an address adder of
 * {@code ceil(log2 depth)} bits per access, as its compound definition has;</li>
 * <li>{@code regfile}: the Aladdin register-file model; {@code smartbuffer_RF}: Accelergy's compound of that name (a
 * component-library register file of at least 32 x 64, scaled to the real size, and an address adder);</li>
 * <li>registers ({@code storage} with {@code aladdin_register}, {@code reg}, {@code register}): the register price per
 * bit read, writes free (Aladdin's convention, which Accelergy's tables follow);</li>
 * <li>the arithmetic ({@code intmac}, {@code mac}, {@code fpmac}): a multiplier of {@code multiplier_width} (or
 * {@code width}) squared and an adder of {@code adder_width} (or {@code width}) from the cost model's table at the
 * component's technology node.</li>
 * </ul>
 */
public final class ModelPrices implements NestPrices {

    private final String table;

    public ModelPrices(String table) {
        this.table = table;
    }

    private CostModel model(double nodeNm) {
        return CostModels.byName(table + "@" + Math.max(7, Math.min(130, nodeNm)));
    }

    private enum Kind { DRAM, SRAM, SMART_SRAM, REGFILE, SMART_RF, REGISTER }

    private static Kind kind(NestArchitecture.Storage s) {
        String c = s.cls().toLowerCase(Locale.ROOT);
        String sub = s.subclass().toLowerCase(Locale.ROOT);
        if (c.equals("dram")) {
            return Kind.DRAM;
        }
        if (c.contains("smartbuffer_rf") || sub.contains("smartbuffer_rf")) {
            return Kind.SMART_RF;
        }
        if (c.contains("regfile") || sub.contains("regfile")) {
            return Kind.REGFILE;
        }
        if (sub.contains("register") || c.equals("reg") || c.equals("register") || (s.depth() == 1)) {
            return Kind.REGISTER;
        }
        return c.startsWith("smartbuffer") ? Kind.SMART_SRAM : Kind.SRAM;
    }

    /** Instances sharing one vector access (Timeloop's cluster_size). */
    private static int cluster(NestArchitecture.Storage s) {
        return (int) Math.max(1, Math.round(Double.parseDouble(s.attributes().getOrDefault("cluster_size", "1"))));
    }

    /** Bits of one vector access: the level's width for the whole cluster (each instance holds its share). */
    private static int vectorBits(NestArchitecture.Storage s) {
        return s.widthBits() * cluster(s);
    }

    private static int banks(NestArchitecture.Storage s) {
        String b = s.attributes().get("n_banks");
        return b == null ? 1 : (int) Math.max(1, Math.round(Double.parseDouble(b)));
    }

    private CactiSurface.Point cacti(NestArchitecture.Storage s) {
        int banks = kind(s) == Kind.SMART_SRAM ? 1 : banks(s);
        return CactiSurface.GRID.macro(Math.max(1, s.depth()) * (double) s.widthBits() / 8, s.widthBits(), banks, s.technologyNm());
    }

    /** An address adder of {@code ceil(log2 depth)} bits (a smart buffer's address generator). */
    private double addressAdderPj(NestArchitecture.Storage s) {
        int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, s.depth() - 1)));
        return model(s.technologyNm()).energyPerAction(ActionKey.of(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(Math.max(2, bits))),
                Inventory.of(List.of()));
    }

    private double dramPj(NestArchitecture.Storage s) {
        String type = s.attributes().getOrDefault("type", DramTechnologies.DEFAULT).toLowerCase(Locale.ROOT);
        DramTechnology t = DramTechnologies.REGISTRY.find(type).orElse(DramTechnologies.byName(DramTechnologies.DEFAULT));
        return t.pjPerBit() * s.widthBits();
    }

    @Override
    public double readPj(NestArchitecture.Storage s) {
        return switch (kind(s)) {
            case DRAM -> dramPj(s);
            case SRAM -> cacti(s).readPj();
            case SMART_SRAM -> cacti(s).readPj() + addressAdderPj(s);
            case REGFILE -> RegisterFile.accessPj((int) Math.max(1, s.depth()), s.widthBits(), s.technologyNm());
            case SMART_RF -> RegisterFile.smartBufferAccessPj((int) Math.max(1, s.depth()), vectorBits(s), s.technologyNm());
            case REGISTER -> RegisterFile.accessPj(1, s.widthBits(), s.technologyNm());
        };
    }

    @Override
    public double writePj(NestArchitecture.Storage s) {
        return switch (kind(s)) {
            case DRAM -> dramPj(s);
            case SRAM -> cacti(s).writePj();
            case SMART_SRAM -> cacti(s).writePj() + addressAdderPj(s);
            case REGFILE -> RegisterFile.accessPj((int) Math.max(1, s.depth()), s.widthBits(), s.technologyNm());
            case SMART_RF -> RegisterFile.smartBufferAccessPj((int) Math.max(1, s.depth()), vectorBits(s), s.technologyNm());
            case REGISTER -> 0;
        };
    }

    @Override
    public double updatePj(NestArchitecture.Storage s) {
        return writePj(s);
    }

    @Override
    public double leakPerCyclePj(NestArchitecture.Storage s) {
        double cycleS = Double.parseDouble(s.attributes().getOrDefault("global_cycle_seconds", "1e-9"));
        double mw = switch (kind(s)) {
            case DRAM -> 0;
            case SRAM, SMART_SRAM -> cacti(s).leakageMw();
            case REGFILE -> RegisterFile.leakageMw((int) Math.max(1, s.depth()), s.widthBits(), s.technologyNm());
            case SMART_RF -> RegisterFile.smartBufferLeakageMw((int) Math.max(1, s.depth()), vectorBits(s), s.technologyNm()) / cluster(s);
            case REGISTER -> RegisterFile.leakageMw(1, s.widthBits(), s.technologyNm());
        };
        return mw * cycleS * 1e9;                                           // mW x s = 1e9 pJ
    }

    @Override
    public double areaUm2(NestArchitecture.Storage s) {
        return switch (kind(s)) {
            case DRAM -> 0;
            case SRAM, SMART_SRAM -> cacti(s).areaUm2();
            case REGFILE -> RegisterFile.areaUm2((int) Math.max(1, s.depth()), s.widthBits(), s.technologyNm());
            case SMART_RF -> RegisterFile.smartBufferAreaUm2((int) Math.max(1, s.depth()), vectorBits(s), s.technologyNm()) / cluster(s);
            case REGISTER -> RegisterFile.areaUm2(1, s.widthBits(), s.technologyNm());
        };
    }

    /** The multiplier and adder widths of the arithmetic component. */
    private static int[] widths(NestArchitecture.Arithmetic a) {
        Map<String, String> at = a.attributes();
        int w = (int) Double.parseDouble(at.getOrDefault("width", at.getOrDefault("datawidth", "8")));
        int mult = (int) Double.parseDouble(at.getOrDefault("multiplier_width", Integer.toString(w)));
        int add = (int) Double.parseDouble(at.getOrDefault("adder_width", Integer.toString(w)));
        return new int[] {mult, add};
    }

    /** The layer's integer operand widths when a policy set them (Precision), else a square multiplier of the class's width. */
    private static Variant operands(NestArchitecture.Arithmetic a, int width) {
        Map<String, String> at = a.attributes();
        if (at.containsKey("weight_bits") && at.containsKey("input_bits")) {
            return Variant.product(Integer.parseInt(at.get("weight_bits")), Integer.parseInt(at.get("input_bits")));
        }
        return Variant.product(width, width);
    }

    @Override
    public double computePj(NestArchitecture.Arithmetic a) {
        int[] w = widths(a);
        CostModel m = model(a.technologyNm());
        Inventory none = Inventory.of(List.of());
        boolean fp = a.cls().toLowerCase(Locale.ROOT).contains("fp");
        Variant mult = fp ? Variant.parse("fp:8,23xfp:8,23") : operands(a, w[0]);
        Variant add = fp ? Variant.FP32 : Variant.integer(w[1]);
        return m.energyPerAction(ActionKey.of(Component.PE_ARRAY, ActionKind.MULTIPLY, mult), none)
                + m.energyPerAction(ActionKey.of(Component.PE_ARRAY, ActionKind.ADD, add), none);
    }

    @Override
    public double areaUm2(NestArchitecture.Arithmetic a) {
        int[] w = widths(a);
        boolean fp = a.cls().toLowerCase(Locale.ROOT).contains("fp");
        Variant mult = fp ? Variant.parse("fp:8,23xfp:8,23") : Variant.product(w[0], w[0]);
        Variant add = fp ? Variant.FP32 : Variant.integer(w[1]);
        return model(a.technologyNm()).areaUm2(Inventory.of(List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, mult, 1),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, add, 1)))).total();
    }

    @Override
    public String source() {
        return "quantarch cost models (" + table + ", CACTI SRAM, Aladdin register files, DRAM table)";
    }
}
