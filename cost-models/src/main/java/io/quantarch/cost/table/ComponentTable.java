package io.quantarch.cost.table;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Energy and area of hardware units at their tabulated sizes, with citations, and between them: each
 * unit's points are joined piecewise by power laws in log-log space (exact at every tabulated point; beyond
 * the ends the nearest segment's exponent extends the curve), so an 8x8 multiplier costs exactly the
 * table's 0.2 pJ and a 4x4 one follows the same scaling law as the table's 8- to 32-bit points.
 *
 * <p>CSV columns: {@code unit,size,energy_pj,area_um2,source,citation}; blank energy or area means the table
 * has none for that point. Users can supply their own table in this format.
 */
public final class ComponentTable {

    public static final Set<String> UNITS = Set.of("int_add", "int_mult", "fp_add", "fp_mult", "sram_64b_access", "sram_bit_area",
            "register_bit", "pipeline_register_bit", "comparator", "shifter");

    private final String name;
    private final Map<String, List<Entry>> byUnit;

    private ComponentTable(String name, Map<String, List<Entry>> byUnit) {
        this.name = name;
        this.byUnit = byUnit;
    }

    public String name() {
        return name;
    }

    public static ComponentTable resource(String name) {
        String path = "/io/quantarch/cost/" + name + ".csv";
        try (InputStream in = ComponentTable.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing cost table resource " + path);
            }
            return parse(name, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A user table; errors name the file, the line and the column. */
    public static ComponentTable file(Path p) {
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            return parse(p.toString(), r);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(p + ": file not found");
        } catch (IOException e) {
            throw new IllegalArgumentException(p + ": cannot read: " + e.getMessage());
        }
    }

    static ComponentTable parse(String name, Reader r) throws IOException {
        Map<String, List<Entry>> m = new TreeMap<>();
        List<CSVRecord> rows = new ArrayList<>();
        var fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        var parser = fmt.parse(r);
        for (String col : List.of("unit", "size", "energy_pj", "area_um2", "source", "citation")) {
            if (!parser.getHeaderNames().contains(col)) {
                throw new IllegalArgumentException(name + ": header: expected columns unit,size,energy_pj,area_um2,source,citation, found a header of "
                        + parser.getHeaderNames().size() + " columns without '" + col + "'");
            }
        }
        parser.forEach(rows::add);
        for (CSVRecord rec : rows) {
            long line = rec.getRecordNumber() + 1;
            String unit = rec.get("unit");
            if (unit.equals("dram_64b_access")) {
                throw new IllegalArgumentException(name + ": line " + line + ", column 'unit': DRAM is priced by the architecture's "
                        + "memory: {dram: TECHNOLOGY} or memory: {dram_pj_per_bit: X}, not by the cost table; found 'dram_64b_access'");
            }
            if (!UNITS.contains(unit)) {
                throw new IllegalArgumentException(name + ": line " + line + ", column 'unit': expected one of " + UNITS + ", found '" + io.quantarch.config.Text.excerpt(unit) + "'");
            }
            double size = number(name, line, "size", rec.get("size"), false);
            double e = number(name, line, "energy_pj", rec.get("energy_pj"), true);
            double a = number(name, line, "area_um2", rec.get("area_um2"), true);
            if (rec.get("citation").isBlank()) {
                throw new IllegalArgumentException(name + ": line " + line + ", column 'citation': expected where the numbers come from, found nothing");
            }
            m.computeIfAbsent(unit, k -> new ArrayList<>()).add(new Entry(unit, size, e, a, rec.get("source"), rec.get("citation")));
        }
        m.values().forEach(l -> l.sort(Comparator.comparingDouble(Entry::size)));
        return new ComponentTable(name, m);
    }

    private static double number(String name, long line, String col, String s, boolean blankOk) {
        if (s.isBlank() && blankOk) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": line " + line + ", column '" + col + "': expected a positive number, found '" + io.quantarch.config.Text.excerpt(s) + "'");
        }
    }

    /**
     * This table with {@code override}'s units replacing its own (a unit given in the override replaces all of
     * this table's points for that unit; other units are kept).
     */
    public ComponentTable overriddenBy(ComponentTable override) {
        Map<String, List<Entry>> m = new TreeMap<>(byUnit);
        m.putAll(override.byUnit);
        return new ComponentTable(name + "+" + override.name, m);
    }

    /** Units that have no energy point (when {@code energy}) or no area point, among {@code required}. */
    public List<String> missing(java.util.Collection<String> required, boolean energy) {
        List<String> out = new ArrayList<>();
        for (String u : required) {
            boolean any = false;
            for (Entry e : entries(u)) {
                any |= !Double.isNaN(energy ? e.energyPj() : e.areaUm2());
            }
            if (!any) {
                out.add(u);
            }
        }
        return out;
    }

    public List<Entry> entries(String unit) {
        return byUnit.getOrDefault(unit, List.of());
    }

    public List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        byUnit.values().forEach(out::addAll);
        return out;
    }

    /** Energy (pJ) of {@code unit} at {@code size}, interpolated as described. */
    public double energy(String unit, double size) {
        return interpolate(unit, size, true);
    }

    public double area(String unit, double size) {
        return interpolate(unit, size, false);
    }

    private double interpolate(String unit, double size, boolean energy) {
        List<Entry> pts = new ArrayList<>();
        for (Entry e : entries(unit)) {
            double v = energy ? e.energyPj() : e.areaUm2();
            if (!Double.isNaN(v)) {
                pts.add(e);
            }
        }
        if (pts.isEmpty()) {
            throw new IllegalArgumentException(name + " has no " + (energy ? "energy" : "area") + " for unit " + unit);
        }
        if (pts.size() == 1) {
            double v = energy ? pts.get(0).energyPj() : pts.get(0).areaUm2();
            return v * size / pts.get(0).size();               // one point: linear in size
        }
        int i = 0;
        while (i < pts.size() - 2 && size > pts.get(i + 1).size()) {
            i++;
        }
        Entry lo = pts.get(i);
        Entry hi = pts.get(i + 1);
        double ylo = energy ? lo.energyPj() : lo.areaUm2();
        double yhi = energy ? hi.energyPj() : hi.areaUm2();
        double exponent = Math.log(yhi / ylo) / Math.log(hi.size() / lo.size());
        return ylo * Math.pow(size / lo.size(), exponent);
    }
}
