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
}
