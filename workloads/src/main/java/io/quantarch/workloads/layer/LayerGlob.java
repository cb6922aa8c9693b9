package io.quantarch.workloads.layer;

import java.util.regex.Pattern;

/** Layer-name globs: {@code *} any run of characters (dots included), {@code ?} one character. */
public final class LayerGlob {

    private LayerGlob() {
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether {@code name} matches {@code glob}: a plain name by equality, a pattern compiled once per glob. */
    public static boolean matches(String glob, String name) {
        if (glob.indexOf('*') < 0 && glob.indexOf('?') < 0) {
            return glob.equals(name);
        }
        Pattern p = COMPILED.get(glob);
        if (p == null) {
            p = pattern(glob);
            if (COMPILED.size() < 100_000) {                  // globs come from configuration files: a bounded set in practice
                COMPILED.putIfAbsent(glob, p);
            }
        }
        return p.matcher(name).matches();
    }

    public static Pattern pattern(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));   // open: a character
            }
        }
        return Pattern.compile(re.toString());
    }
}
