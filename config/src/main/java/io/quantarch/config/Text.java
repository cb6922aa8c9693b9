package io.quantarch.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Text files as quantarch reads them: strict UTF-8, a leading byte-order mark skipped, a bad byte reported by its line. */
public final class Text {

    /** A byte that is not UTF-8, on line {@code line} (1-based). */
    public static final class NotUtf8 extends IOException {
        private final long line;

        NotUtf8(long line) {
            super("not UTF-8 at line " + line);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    private Text() {
    }

    public static String utf8(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer c = d.decode(ByteBuffer.wrap(b));
            String s = c.toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new NotUtf8(lineOfFirstBadByte(b));
        }
    }

    /** The line of a file's first byte sequence that is not UTF-8, read in chunks (files of any size); 0 if none. */
    public static long lineOfFirstBadByte(Path file) throws IOException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (var s = Files.newInputStream(file)) {
            while (true) {
                int n = s.read(in.array(), in.position(), in.remaining());
                boolean end = n < 0;
                in.position(in.position() + Math.max(n, 0));
                in.flip();
                int start = in.position();
                var result = d.decode(in, out, end);
                for (int i = start; i < in.position(); i++) {
                    line += in.array()[i] == '\n' ? 1 : 0;
                }
                if (result.isError()) {
                    return line;
                }
                out.clear();
                in.compact();
                if (end) {
                    return 0;
                }
            }
        }
    }

    /** The line of the first byte sequence that does not decode. */
    static long lineOfFirstBadByte(byte[] b) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(b.length + 1);
        d.decode(in, out, true);                                       // stops at the first bad byte
        long line = 1;
        for (int i = 0; i < in.position(); i++) {
            line += b[i] == '\n' ? 1 : 0;
        }
        return line;
    }

    /**
     * A value quoted from an input file, as an error message may show it: one line, at most 40 characters, so a
     * message never reproduces another file's contents (a path given by mistake, a key file, a password file).
     */
    public static String excerpt(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length() && sb.length() < 40; i++) {
            char c = value.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        return value.length() > 40
                ? sb + "... (" + value.length() + " characters)" : sb.toString();
    }

    /** A key a person would type in a configuration file (quoted in messages); anything else is described, not quoted. */
    public static boolean isPlausibleKey(String key) {
        return key.length() <= 40 && key.matches("[A-Za-z0-9_.\\- \\[\\]*]+");
    }
}
