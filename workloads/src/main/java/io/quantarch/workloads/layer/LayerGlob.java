package io.quantarch.workloads.layer;

import java.util.regex.Pattern;

/** Layer-name globs: {@code *} any run of characters (dots included), {@code ?} one character. */
public final class LayerGlob {

    private LayerGlob() {
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
