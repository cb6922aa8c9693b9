package io.quantarch.simulator.nest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a hierarchy a design-space gene may set, by target and attribute: a storage level's {@code depth},
 * {@code width}, {@code datawidth}, {@code n_banks}, {@code read_bandwidth}, {@code write_bandwidth},
 * {@code shared_bandwidth} or {@code multiple_buffering}; a container's {@code meshX} or {@code meshY} (the instances of
 * everything inside it follow).
 */
public final class HierarchyParameters {

    public static final List<String> STORAGE = List.of("depth", "width", "datawidth", "n_banks", "read_bandwidth", "write_bandwidth",
            "shared_bandwidth", "multiple_buffering");
    public static final List<String> MESH = List.of("meshX", "meshY");

    private HierarchyParameters() {
    }

    /** Null when {@code target.attribute} names a parameter of {@code a}, else what is wrong. */
    public static String check(NestArchitecture a, String target, String attribute) {
        if (a.storageIndex(target) >= 0) {
            return STORAGE.contains(attribute) ? null : "a storage attribute " + STORAGE + " of " + target;
        }
        for (NestArchitecture.Fanout f : a.fanouts()) {
            if (f.container().equals(target)) {
                return MESH.contains(attribute) ? null : "meshX or meshY of the container " + target;
            }
        }
        List<String> names = new ArrayList<>(a.storage().stream().map(NestArchitecture.Storage::name).toList());
        a.fanouts().forEach(f -> names.add(f.container()));
        return "a storage level or a container with a mesh " + names;
    }

    /** {@code a} with {@code target.attribute} set to {@code value}. */
    public static NestArchitecture with(NestArchitecture a, String target, String attribute, double value) {
        String why = check(a, target, attribute);
        if (why != null) {
            throw new IllegalArgumentException("expected " + why + ", found " + target + "." + attribute);
        }
        int level = a.storageIndex(target);
        if (level >= 0) {
            List<NestArchitecture.Storage> s = new ArrayList<>(a.storage());
            s.set(level, storage(s.get(level), attribute, value));
            return new NestArchitecture(s, a.arithmetic(), a.fanouts());
        }
        return mesh(a, target, attribute, (int) Math.round(value));
    }

    private static NestArchitecture.Storage storage(NestArchitecture.Storage s, String attribute, double v) {
        Map<String, String> attrs = new LinkedHashMap<>(s.attributes());
        attrs.put(attribute, v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
        long depth = attribute.equals("depth") ? Math.round(v) : s.depth();
        long cluster = Math.max(1, Math.round(Double.parseDouble(attrs.getOrDefault("cluster_size", "1"))));
        int width = attribute.equals("width") ? (int) Math.max(1, Math.round(v) / cluster) : s.widthBits();   // each instance's share, as read
        int datawidth = attribute.equals("datawidth") ? (int) Math.round(v) : s.datawidth();
        Map<String, Integer> bits = attribute.equals("datawidth") ? Map.of() : s.dataBits();
        return new NestArchitecture.Storage(s.name(), s.cls(), s.subclass(), depth, width, datawidth, bits, s.instances(),
                attribute.equals("read_bandwidth") ? v : s.readBandwidth(), attribute.equals("write_bandwidth") ? v : s.writeBandwidth(),
                attribute.equals("shared_bandwidth") ? v : s.sharedBandwidth(), attribute.equals("multiple_buffering") ? v : s.multipleBuffering(),
                s.technologyNm(), attrs);
    }

    private static NestArchitecture mesh(NestArchitecture a, String container, String attribute, int size) {
        List<NestArchitecture.Fanout> fans = new ArrayList<>();
        long oldSize = 1;
        long newSize = 1;
        int position = 0;
        for (NestArchitecture.Fanout f : a.fanouts()) {
            if (f.container().equals(container)) {
                boolean x = attribute.toLowerCase(Locale.ROOT).equals("meshx");
                NestArchitecture.Fanout g = new NestArchitecture.Fanout(f.container(), x ? size : f.meshX(), x ? f.meshY() : size, f.position());
                oldSize = f.size();
                newSize = g.size();
                position = f.position();
                fans.add(g);
            } else {
                fans.add(f);
            }
        }
        List<NestArchitecture.Storage> storage = new ArrayList<>();
        for (int i = 0; i < a.storage().size(); i++) {
            NestArchitecture.Storage s = a.storage().get(i);
            long inst = i >= position ? s.instances() / oldSize * newSize : s.instances();
            storage.add(new NestArchitecture.Storage(s.name(), s.cls(), s.subclass(), s.depth(), s.widthBits(), s.datawidth(), s.dataBits(), inst,
                    s.readBandwidth(), s.writeBandwidth(), s.sharedBandwidth(), s.multipleBuffering(), s.technologyNm(), s.attributes()));
        }
        NestArchitecture.Arithmetic m = a.arithmetic();
        return new NestArchitecture(storage, new NestArchitecture.Arithmetic(m.name(), m.cls(), m.instances() / oldSize * newSize, m.technologyNm(),
                m.attributes()), fans);
    }
}
