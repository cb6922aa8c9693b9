package io.quantarch.search.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quantarch.config.io.AtomicOutput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code run.json} of an exploration: what ran, on what, with which settings, what it found, how long each phase took.
 * Written and read as this one record (field names are the file's stable keys).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunManifest(
        @JsonProperty("quantarch_version") String quantarchVersion,
        @JsonProperty("run_key") String runKey,
        @JsonProperty("space") String space,
        @JsonProperty("workload") String workload,
        @JsonProperty("algorithm") String algorithm,
        @JsonProperty("seed") long seed,
        @JsonProperty("population") int population,
        @JsonProperty("generations") int generations,
        @JsonProperty("designs_in_space") String designsInSpace,
        @JsonProperty("evaluations") long evaluations,
        @JsonProperty("budget") long budget,
        @JsonProperty("objectives") List<String> objectives,
        @JsonProperty("constraints") List<String> constraints,
        @JsonProperty("quality") String quality,
        @JsonProperty("front_size") int frontSize,
        @JsonProperty("hypervolume_normalised") double hypervolume,
        @JsonProperty("hypervolume_reference") String hypervolumeReference,
        @JsonProperty("normalisation_ideal") double[] ideal,
        @JsonProperty("normalisation_nadir") double[] nadir,
        @JsonProperty("kendall_tau_tier1_vs_tier2") Double kendallTau,
        @JsonProperty("threads") int threads,
        @JsonProperty("seconds") Seconds seconds,
        @JsonProperty("java") String java,
        @JsonProperty("space_file") String spaceFile,
        @JsonProperty("baseline") Baseline baseline) {

    /**
     * What the knee of the front is compared to in the report: the same hardware (the knee's architecture genes) with
     * every quantization gene at the space's default format, or at its highest-precision option when the default is not
     * one of its options.
     *
     * @param knee        the evaluation id of the knee the baseline goes with
     * @param description the baseline in words, with its genes' options
     * @param metrics     its metric values by column name (NaN left out); empty when it is infeasible
     * @param why         why it is infeasible, or null
     */
    public record Baseline(@JsonProperty("knee") long knee, @JsonProperty("description") String description,
                           @JsonProperty("metrics") java.util.Map<String, Double> metrics, @JsonProperty("infeasible") String why) { }

    /** Wall-clock seconds of each phase. */
    public record Seconds(@JsonProperty("quality_table") double qualityTable, @JsonProperty("search") double search,
                          @JsonProperty("tier2") double tier2) { }

    public static final String FILE = "run.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path dir) throws IOException {
        AtomicOutput.writeString(dir.resolve(FILE), JSON.writeValueAsString(this) + "\n");
    }

    public static RunManifest read(Path dir) throws IOException {
        return JSON.readValue(dir.resolve(FILE).toFile(), RunManifest.class);
    }
}
