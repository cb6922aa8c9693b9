package io.quantarch.cost.memory;

import io.quantarch.config.component.Registry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The DRAM technologies, one row each of the cited table {@code dram-technologies.csv} (a new technology is one row).
 * The default is LPDDR4: the default architecture is an edge accelerator at 32 B/cycle, the bandwidth of about four
 * LPDDR4 channels.
 */
public final class DramTechnologies {

    public static final Registry<DramTechnology> REGISTRY = new Registry<>("dram", "DRAM technologies: energy per bit and "
            + "peak bandwidth per channel, each cited", load());

    public static final String DEFAULT = "lpddr4";

    private DramTechnologies() {
    }

    public static DramTechnology byName(String name) {
        return REGISTRY.byName(name);
    }

    private static List<DramTechnology> load() {
        String path = "/io/quantarch/cost/dram-technologies.csv";
        try (InputStream in = DramTechnologies.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            List<DramTechnology> out = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                out.add(new DramTechnology(r.get("name"), Double.parseDouble(r.get("pj_per_bit")), Integer.parseInt(r.get("channel_bits")),
                        Double.parseDouble(r.get("mega_transfers_per_s")), Double.parseDouble(r.get("channel_gb_per_s")), r.get("source"),
                        r.get("citation")));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
