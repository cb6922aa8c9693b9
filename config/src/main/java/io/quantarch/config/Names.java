package io.quantarch.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Closest-name suggestions for "did you mean" messages: one Levenshtein distance for every reader. */
public final class Names {

    private Names() {
    }

    /** Levenshtein distance (insertions, deletions and substitutions each cost 1). */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The candidate nearest to {@code name}, whatever its distance; empty when there are no candidates. */
    public static Optional<String> closest(Collection<String> candidates, String name) {
        return candidates.stream().min(Comparator.comparingInt((String c) -> editDistance(c, name)));  // first of equals wins
    }

    /** The candidate nearest to {@code name} if it is within {@code max(2, |name|/3)} edits (a plausible typo). */
    public static Optional<String> plausible(Collection<String> candidates, String name) {
        return closest(candidates, name).filter(c -> editDistance(c, name) <= Math.max(2, name.length() / 3));
    }

    /** {@code " (did you mean 'x'?)"} for the closest candidate, or empty text when there is none. */
    public static String didYouMean(Collection<String> candidates, String name) {
        return closest(candidates, name).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** Up to {@code n} candidates nearest to {@code name}, nearest first. */
    public static List<String> nearest(Collection<String> candidates, String name, int n) {
        return candidates.stream().sorted(Comparator.comparingInt((String c) -> editDistance(c, name))).limit(n).toList();  // stable
    }
}
