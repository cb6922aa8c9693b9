package io.quantarch.cost.estimate;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKey;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Inventory;
import io.quantarch.cost.actions.Part;
import io.quantarch.cost.actions.Variant;
import io.quantarch.cost.memory.LogicLeakage;
import io.quantarch.cost.memory.PricingNode;
import io.quantarch.cost.memory.SramCosts;
import io.quantarch.cost.memory.SramMacro;
import io.quantarch.cost.memory.SramModels;
import io.quantarch.cost.table.ComponentTable;
import io.quantarch.cost.table.Entry;
import io.quantarch.cost.table.TechScaling;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cost model from a component table, optionally scaled from 45 nm to another node ({@link TechScaling}).
 *
 * <p>Unit models (variants as in {@link Part}):
 * <ul>
 * <li>integer multiplier {@code int:AxB}: the table's square multiplier at width {@code sqrt(A B)}, so cost grows
 * with the product of the operand widths (8x8 = the table's 8-bit entry exactly);</li>
 * <li>floating-point multiplier {@code fp:E1,M1xE2,M2}: an integer multiplier of the mantissas
 * {@code (M1+1) x (M2+1)}, an exponent adder of {@code max(E)+1} bits, and a normalisation/rounding term that is a
 * power law in the mantissa width calibrated so that FP16 and FP32 reproduce the table's FP multipliers exactly;</li>
 * <li>floating-point adder {@code fp:E,M}: the table's FP adder at the format's total width {@code 1+E+M};</li>
 * <li>adder {@code int:W}, shifter {@code W}, comparator {@code W}: the table at width W;</li>
 * <li>register actions in bits (datapath flip-flops of the simulated units): the table's {@code pipeline_register_bit}
 * (calibrated on synthesized PEs) or else its {@code register_bit}, scaled like logic;</li>
 * <li>SRAM actions in bits: the inventory's SRAM model ({@code cacti} by default) prices one word access of one bank of
 * the buffer at this node, divided by the word's bits; SRAM is scaled by its own model, not like logic;</li>
 * <li>DRAM actions in bits: the inventory's DRAM technology, never scaled with the node.</li>
 * </ul>
 * Actions with no energy (MAC counters, cycles, gated and skipped work) are priced at zero. Leakage: SRAM from its
 * model, logic from its area ({@link LogicLeakage}).
 */
public final class TableCostModel implements CostModel {

    private final String name;
    private final ComponentTable table;
    private final double energyScale;
    private final double areaScale;
    private final double nodeNm;
    private final boolean scaleFrom45;
    private final PricingNode pricingNode;
    private final double datapathRegisterPj;
    /** SRAM costs per (model, macro): a design prices the same three buffers for every layer. */
    private final Map<String, SramCosts> sramCosts = new ConcurrentHashMap<>();

    public TableCostModel(String name, ComponentTable table, double nodeNm, boolean scaleFrom45) {
        this.name = name;
        this.table = table;
        this.nodeNm = nodeNm;
        this.scaleFrom45 = scaleFrom45;
        this.energyScale = scaleFrom45 ? TechScaling.energyFrom45(nodeNm) : 1.0;
        this.areaScale = scaleFrom45 ? TechScaling.areaFrom45(nodeNm) : 1.0;
        this.pricingNode = new PricingNode(nodeNm, table, energyScale, areaScale);
        List<String> noEnergy = table.missing(ENERGY_UNITS, true);
        List<String> noArea = table.missing(AREA_UNITS, false);
        if (!noEnergy.isEmpty() || !noArea.isEmpty()) {
            throw new IllegalArgumentException(table.name() + ": expected energy for " + ENERGY_UNITS + " and area for " + AREA_UNITS
                    + "; found no energy for " + noEnergy + " and no area for " + noArea
                    + " (use horowitz45+table:FILE.csv to override only some units)");
        }
        for (String fp : List.of("fp_mult")) {
            for (double size : new double[] {16, 32}) {
                boolean found = table.entries(fp).stream().anyMatch(e -> e.size() == size && !Double.isNaN(e.energyPj()) && !Double.isNaN(e.areaUm2()));
                if (!found) {
                    throw new IllegalArgumentException(table.name() + ": unit fp_mult: expected points at sizes 16 and 32 with energy and area "
                            + "(the FP multiplier's normalisation term is fitted to them), found none at " + (int) size);
                }
            }
        }
        // datapath flip-flops: the calibrated pipeline-register figure when the table has one, else the register's
        this.datapathRegisterPj = table.missing(List.of("pipeline_register_bit"), true).isEmpty() ? table.energy("pipeline_register_bit", 1)
                : table.energy("register_bit", 1);
    }

    /** Units an energy estimate reads. */
    public static final List<String> ENERGY_UNITS = List.of("int_add", "int_mult", "fp_add", "fp_mult", "register_bit", "comparator",
            "shifter");
    /** Units an area estimate reads. */
    public static final List<String> AREA_UNITS = List.of("int_add", "int_mult", "fp_add", "fp_mult", "register_bit", "comparator",
            "shifter");

    /** The same model with {@code override}'s units replacing this table's (see {@link ComponentTable#overriddenBy}). */
    public TableCostModel overriddenBy(String newName, ComponentTable override) {
        return new TableCostModel(newName, table.overriddenBy(override), nodeNm, scaleFrom45);
    }

    /** Technology node in nm the numbers are for. */
    public double nodeNm() {
        return nodeNm;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Entry> provenance() {
        return table.all();
    }

    @Override
    public Breakdown energyPj(ActionCounts actions, Inventory inv) {
        Map<Component, Double> m = new EnumMap<>(Component.class);
        for (Map.Entry<ActionKey, Long> e : actions.asMap().entrySet()) {
            double pj = energyPerAction(e.getKey(), inv) * e.getValue();
            if (pj != 0) {
                m.merge(e.getKey().component(), pj, Double::sum);
            }
        }
        return new Breakdown(m);
    }

    @Override
    public double energyPerAction(ActionKey k, Inventory inv) {
        Variant v = k.variant();
        return switch (k.action()) {
            case MULTIPLY, DEQUANT -> multiplier(v, true) * energyScale;
            case ADD -> adder(v, true) * energyScale;
            case SHIFT -> table.energy("shifter", width(v)) * energyScale;
            case COMPARE -> table.energy("comparator", width(v)) * energyScale;
            case REG_READ, REG_WRITE -> v instanceof Variant.Bits ? datapathRegisterPj * energyScale : 0;
            case SRAM_READ -> v instanceof Variant.Bits ? sram(k.component(), inv).readPjPerBit() : 0;
            case SRAM_WRITE -> v instanceof Variant.Bits ? sram(k.component(), inv).writePjPerBit() : 0;
            case DRAM_READ, DRAM_WRITE -> v instanceof Variant.Bits ? inv.dram().pjPerBit() : 0;
            case VECTOR_OP -> {
                Variant.Fp f = v instanceof Variant.Fp fp ? fp : Variant.FP32;
                yield (fpAdd(f, true) + fpMult(f, f, true)) * energyScale;
            }
            case MAC, GATED_READ, SKIPPED_READ, GATED_MAC, ACTIVE_CYCLES -> 0;
        };
    }

    @Override
    public Breakdown leakageMw(Inventory inv) {
        Map<Component, Double> m = new EnumMap<>(Component.class);
        double perUm2 = LogicLeakage.nwPerUm2(nodeNm) * 1e-6;              // nW -> mW
        for (Part p : inv.parts()) {
            double mw = p.kind() == io.quantarch.cost.actions.UnitKind.SRAM ? sram(p.component(), inv).leakageMw() * p.count()
                    : area(p, inv) * p.count() * perUm2;
            m.merge(p.component(), mw, Double::sum);
        }
        return new Breakdown(m);
    }

    /** The costs of the buffer {@code c} of the inventory, from its SRAM model at this node. */
    public SramCosts sram(Component c, Inventory inv) {
        SramMacro macro = inv.srams().get(c);
        if (macro == null) {
            throw new IllegalArgumentException(name + ": no SRAM shape given for " + c);
        }
        return sramCosts.computeIfAbsent(inv.sramModel() + "|" + macro, key -> SramModels.REGISTRY.byName(inv.sramModel()).costs(macro, pricingNode));
    }

    @Override
    public Breakdown areaUm2(Inventory inv) {
        Map<Component, Double> m = new EnumMap<>(Component.class);
        for (Part p : inv.parts()) {
            m.merge(p.component(), area(p, inv) * p.count(), Double::sum);
        }
        return new Breakdown(m);
    }

    /** Area of one unit of {@code p}, um^2 (logic scaled to this node; SRAM from its model). */
    private double area(Part p, Inventory inv) {
        Variant v = p.variant();
        return switch (p.kind()) {
            case MULTIPLIER -> multiplier(v, false) * areaScale;
            case ADDER -> adder(v, false) * areaScale;
            case SHIFTER -> table.area("shifter", width(v)) * areaScale;
            case COMPARATOR -> table.area("comparator", width(v)) * areaScale;
            case REGISTER -> table.area("register_bit", 1) * capacity(v) * areaScale;
            case SRAM -> sram(p.component(), inv).areaUm2();
        };
    }

    /** A multiplier: integer {@code AxB}, floating point {@code E1,M1 x E2,M2}, or a square FP multiplier {@code E,M}. */
    private double multiplier(Variant v, boolean energy) {
        return switch (v) {
            case Variant.IntProduct p -> intMult(p.a(), p.b(), energy);
            case Variant.FpProduct p -> fpMult(p.a(), p.b(), energy);
            case Variant.Fp f -> fpMult(f, f, energy);
            case Variant.Int i -> intMult(i.bits(), i.bits(), energy);
            case Variant.None n -> throw unpriced("multiplier", v);
            case Variant.Bits b -> throw unpriced("multiplier", v);
            case Variant.Elements e -> throw unpriced("multiplier", v);
            case Variant.Width w -> throw unpriced("multiplier", v);
            case Variant.Capacity c -> throw unpriced("multiplier", v);
        };
    }

    private double adder(Variant v, boolean energy) {
        return switch (v) {
            case Variant.Int i -> energy ? table.energy("int_add", i.bits()) : table.area("int_add", i.bits());
            case Variant.Width w -> energy ? table.energy("int_add", w.bits()) : table.area("int_add", w.bits());
            case Variant.Fp f -> fpAdd(f, energy);
            case Variant.IntProduct p -> throw unpriced("adder", v);
            case Variant.FpProduct p -> throw unpriced("adder", v);
            case Variant.None n -> throw unpriced("adder", v);
            case Variant.Bits b -> throw unpriced("adder", v);
            case Variant.Elements e -> throw unpriced("adder", v);
            case Variant.Capacity c -> throw unpriced("adder", v);
        };
    }

    private static double width(Variant v) {
        return switch (v) {
            case Variant.Width w -> w.bits();
            case Variant.Int i -> i.bits();
            case Variant.Fp f -> f.width();
            case Variant.IntProduct p -> throw unpriced("shifter or comparator", v);
            case Variant.FpProduct p -> throw unpriced("shifter or comparator", v);
            case Variant.None n -> throw unpriced("shifter or comparator", v);
            case Variant.Bits b -> throw unpriced("shifter or comparator", v);
            case Variant.Elements e -> throw unpriced("shifter or comparator", v);
            case Variant.Capacity c -> throw unpriced("shifter or comparator", v);
        };
    }

    private static double capacity(Variant v) {
        if (v instanceof Variant.Capacity c) {
            return c.amount();
        }
        throw unpriced("storage", v);
    }

    private static IllegalArgumentException unpriced(String unit, Variant v) {
        return new IllegalArgumentException("a " + unit + " cannot be priced for variant '" + v + "'");
    }

    private double intMult(int a, int b, boolean energy) {
        double w = Math.sqrt((double) a * b);
        return energy ? table.energy("int_mult", w) : table.area("int_mult", w);
    }

    /** An FP multiplier of two formats: mantissa product, exponent add and a fitted normalisation term. */
    private double fpMult(Variant.Fp a, Variant.Fp b, boolean energy) {
        double mant = Math.sqrt((a.mantissaBits() + 1.0) * (b.mantissaBits() + 1.0));
        double exp = Math.max(a.exponentBits(), b.exponentBits()) + 1;
        double core = energy ? table.energy("int_mult", mant) + table.energy("int_add", exp)
                : table.area("int_mult", mant) + table.area("int_add", exp);
        return core + normalisation(Math.max(a.mantissaBits(), b.mantissaBits()) + 1, energy);
    }

    /** The part of an FP multiplier that is neither mantissa product nor exponent add, fitted to FP16 and FP32. */
    private double normalisation(double mantissaWidth, boolean energy) {
        double n16 = fp(16, energy, "fp_mult") - (energy ? table.energy("int_mult", 11) + table.energy("int_add", 6)
                : table.area("int_mult", 11) + table.area("int_add", 6));
        double n32 = fp(32, energy, "fp_mult") - (energy ? table.energy("int_mult", 24) + table.energy("int_add", 9)
                : table.area("int_mult", 24) + table.area("int_add", 9));
        double exponent = Math.log(n32 / n16) / Math.log(24.0 / 11.0);
        return n16 * Math.pow(mantissaWidth / 11.0, exponent);
    }

    private double fp(double size, boolean energy, String unit) {
        return energy ? table.energy(unit, size) : table.area(unit, size);
    }

    private double fpAdd(Variant.Fp f, boolean energy) {
        return fp(f.width(), energy, "fp_add");
    }
}
