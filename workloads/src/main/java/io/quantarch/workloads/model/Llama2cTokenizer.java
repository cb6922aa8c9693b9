package io.quantarch.workloads.model;

import io.quantarch.config.ConfigException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The llama2.c tokenizer ({@code tok512.bin}): int32 max_token_length, then per token a float32 score,
 * an int32 byte length and the bytes. Encoding as run.c's {@code encode}: BOS, a dummy-prefix space,
 * UTF-8 code points (unknown ones as byte-fallback ids {@code byte + 3}), then repeatedly merge the
 * adjacent pair whose concatenation is a piece with the highest score (leftmost on ties).
 */
public final class Llama2cTokenizer {

    public static final int BOS = 1;
    public static final int EOS = 2;

    private final byte[][] pieces;
    private final float[] scores;
    private final Map<String, Integer> lookup = new HashMap<>();

    private Llama2cTokenizer(byte[][] pieces, float[] scores) {
        this.pieces = pieces;
        this.scores = scores;
        for (int i = 0; i < pieces.length; i++) {
            lookup.putIfAbsent(key(pieces[i]), i);
        }
    }

    public static Llama2cTokenizer tok512() {
        try {
            return parse("tok512.bin (bundled)", Resources.bundled("stories260k/tok512.bin"), 512);
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Llama2cTokenizer parse(String source, byte[] b, int vocab) throws ConfigException {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        byte[][] pieces = new byte[vocab][];
        float[] scores = new float[vocab];
        try {
            buf.getInt();
            for (int i = 0; i < vocab; i++) {
                scores[i] = buf.getFloat();
                int n = buf.getInt();
                if (n < 0 || n > 1024) {
                    throw new ConfigException(source, "token " + i, "a piece length of 0..1024 bytes", String.valueOf(n));
                }
                pieces[i] = new byte[n];
                buf.get(pieces[i]);
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new ConfigException(source, "size", "a tokenizer with " + vocab + " pieces", "a truncated file of " + b.length + " bytes");
        }
        if (buf.hasRemaining()) {
            throw new ConfigException(source, "size", "exactly " + vocab + " pieces", buf.remaining() + " trailing bytes");
        }
        return new Llama2cTokenizer(pieces, scores);
    }

    private static String key(byte[] piece) {
        return new String(piece, StandardCharsets.ISO_8859_1);
    }

    public int vocab() {
        return pieces.length;
    }

    /** Encodes text as run.c does (BOS, dummy prefix, byte fallback, greedy best-score merges). */
    public int[] encode(String text) {
        List<Integer> out = new ArrayList<>();
        out.add(BOS);
        if (text.isEmpty()) {
            return toArray(out);
        }
        // Pieces hold a space only in front and never a newline (true of tok512), so units cut before each
        // space and around each newline merge independently with the same result as one global merge.
        String s = " " + text;
        Map<String, int[]> cache = new HashMap<>();
        int i = 0;
        while (i < s.length()) {
            int j;
            if (s.charAt(i) == '\n') {
                j = i + 1;
            } else {
                j = i + 1;
                while (j < s.length() && s.charAt(j) != ' ' && s.charAt(j) != '\n') {
                    j++;
                }
                if (s.charAt(i) == ' ' && j == i + 1 && j < s.length() && s.charAt(j) == ' ') {
                    j = i + 1;
                }
            }
            String unit = s.substring(i, j);
            for (int t : cache.computeIfAbsent(unit, this::merge)) {
                out.add(t);
            }
            i = j;
        }
        return toArray(out);
    }

    private int[] merge(String unit) {
        byte[] utf8 = unit.getBytes(StandardCharsets.UTF_8);
        List<Integer> toks = new ArrayList<>();
        int i = 0;
        while (i < utf8.length) {
            int j = i + 1;
            while (j < utf8.length && (utf8[j] & 0xC0) == 0x80 && j - i < 4) {
                j++;
            }
            Integer id = lookup.get(new String(utf8, i, j - i, StandardCharsets.ISO_8859_1));
            if (id != null) {
                toks.add(id);
            } else {
                for (int k = i; k < j; k++) {
                    toks.add((utf8[k] & 0xFF) + 3);
                }
            }
            i = j;
        }
        while (true) {
            float best = -1e10f;
            int bestIdx = -1;
            int bestId = -1;
            for (int k = 0; k + 1 < toks.size(); k++) {
                Integer id = lookup.get(key(pieces[toks.get(k)]) + key(pieces[toks.get(k + 1)]));
                if (id != null && scores[id] > best) {
                    best = scores[id];
                    bestIdx = k;
                    bestId = id;
                }
            }
            if (bestIdx < 0) {
                break;
            }
            toks.set(bestIdx, bestId);
            toks.remove(bestIdx + 1);
        }
        return toArray(toks);
    }

    /** Decodes ids to text as run.c prints them: a piece's leading space dropped after BOS, byte pieces as raw bytes. */
    public String decode(int[] ids, int previous) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int prev = previous;
        for (int id : ids) {
            byte[] p = pieces[id];
            int start = 0;
            if (prev == BOS && p.length > 0 && p[0] == ' ') {
                start = 1;
            }
            if (p.length == 6 && p[0] == '<' && p[1] == '0' && p[2] == 'x' && p[5] == '>') {
                out.write(Integer.parseInt(new String(p, 3, 2, StandardCharsets.US_ASCII), 16));
            } else {
                out.write(p, start, p.length - start);
            }
            prev = id;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int[] toArray(List<Integer> l) {
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }
}
