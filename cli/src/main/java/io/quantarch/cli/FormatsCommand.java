package io.quantarch.cli;

import io.quantarch.config.ConfigException;
import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.format.UnknownFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quantarch formats list|show}: the number-format registry. */
@Command(name = "formats", description = "List the number formats, or show one.",
        subcommands = {FormatsCommand.ListFormats.class, FormatsCommand.Show.class})
final class FormatsCommand implements Callable<Integer> {

    private final Main.Io io;

    FormatsCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        return new ListFormats(io).call();
    }

    @Command(name = "list", description = "One line per format: name,bits,kind (CSV with a header).")
    static final class ListFormats implements Callable<Integer> {
        private final Main.Io io;

        ListFormats(Main.Io io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            io.out().println("name,bits,kind");
            for (NumberFormat f : Formats.listed()) {
                io.out().println(f.name() + "," + f.bits() + "," + f.family().label());
            }
            io.err().println("Other members of each family parse from these patterns:");
            for (String p : Formats.PATTERNS) {
                io.err().println("  " + p);
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Describe one format: range, storage, element code book.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        private final Main.Io io;

        Show(Main.Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws ConfigException {
            NumberFormat f;
            try {
                f = Formats.byName(name);
            } catch (UnknownFormatException e) {
                throw ConfigException.of("NAME", e.getMessage());
            }
            var o = io.out();
            o.println("name: " + f.name());
            o.println("kind: " + f.family().label());
            o.println("description: " + f.description());
            o.println("element bits: " + f.bits());
            o.println(String.format(Locale.ROOT, "storage bits per element: %.4f", f.bitsPerElement()));
            o.println("element max finite: " + f.maxFinite());
            o.println("element min normal: " + f.minNormal());
            o.println("element min subnormal: " + f.minSubnormal());
            codeBook(f);
            return 0;
        }

        /** Every element code and its unscaled value, for elements of at most 8 bits (256 codes or fewer). */
        private void codeBook(NumberFormat f) {
            var codec = f.element();
            int lo = codec.minCode();
            int hi = codec.maxCode();
            if (hi - lo > 255) {
                io.out().println("code book: " + (hi - lo + 1) + " codes (listed for elements of at most 8 bits)");
                return;
            }
            io.out().println("code book (code: unscaled element value" + (f.bitsPerElement() > f.bits() ? "; a shared scale multiplies it" : "")
                    + "):");
            StringBuilder line = new StringBuilder();
            for (int c = lo; c <= hi; c++) {
                line.append(String.format(Locale.ROOT, "%6s: %-12s", c, codec.decode(c)));
                if ((c - lo) % 4 == 3 || c == hi) {
                    io.out().println("  " + line.toString().stripTrailing());
                    line.setLength(0);
                }
            }
        }
    }
}
