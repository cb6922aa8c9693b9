package io.quantarch.workloads.quality;

import java.util.List;

/**
 * A real model's FP32 run against an independent reference shipped with its data (numpy or onnxruntime outputs): one
 * row per sample, a one-line summary, and whether it meets the stated tolerance.
 *
 * @param file    the CSV file name the rows belong in
 * @param columns its header
 */
public record ReferenceCheck(String file, List<String> columns, List<List<Object>> rows, String summary, boolean agrees) {

    public ReferenceCheck {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
