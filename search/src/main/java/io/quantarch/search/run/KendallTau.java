package io.quantarch.search.run;

/** Kendall's tau-b rank correlation (ties in either ranking handled as in Kendall, "Rank Correlation Methods", 1970). */
public final class KendallTau {

    private KendallTau() {
    }

    /** NaN for fewer than two pairs or when either list is constant. */
    public static double tauB(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("lists differ in length");
        }
        long concordant = 0;
        long discordant = 0;
        long tiesX = 0;
        long tiesY = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                int a = Double.compare(x[i], x[j]);
                int b = Double.compare(y[i], y[j]);
                if (a == 0 && b == 0) {
                    continue;
                }
                if (a == 0) {
                    tiesX++;
                } else if (b == 0) {
                    tiesY++;
                } else if (a == b) {
                    concordant++;
                } else {
                    discordant++;
                }
            }
        }
        double d = Math.sqrt((double) (concordant + discordant + tiesX) * (concordant + discordant + tiesY));
        return d == 0 ? Double.NaN : (concordant - discordant) / d;
    }
}
