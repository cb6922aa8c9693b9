package io.quantarch.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Runs the JMH benchmarks of one class and prints each one as a ratio to its in-run baseline
 * (the first benchmark whose name is the baseline). Usage: {@code BenchMain [ClassRegex] [baseline]}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException {
        String include = args.length > 0 ? args[0] : NumericsBench.class.getSimpleName();
        String baseline = args.length > 1 ? args[1] : "copy";
        Options opt = new OptionsBuilder().include(include).shouldFailOnError(true).build();
        Collection<RunResult> results = new Runner(opt).run();
        List<String[]> rows = new ArrayList<>();
        double base = Double.NaN;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            double score = r.getPrimaryResult().getScore();
            if (name.equals(baseline)) {
                base = score;
            }
            rows.add(new String[] {name, String.valueOf(score), r.getPrimaryResult().getScoreUnit(),
                    String.valueOf(r.getPrimaryResult().getScoreError())});
        }
        System.out.println();
        System.out.println("benchmark,score,unit,error,ratio_to_" + baseline);
        for (String[] row : rows) {
            double s = Double.parseDouble(row[1]);
            System.out.println(String.format(Locale.ROOT, "%s,%.3f,%s,%.3f,%.2f", row[0], s, row[2], Double.parseDouble(row[3]), s / base));
        }
    }
}
