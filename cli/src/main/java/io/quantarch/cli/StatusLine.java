package io.quantarch.cli;

/**
 * A progress line on stderr: rewritten in place on a terminal; in a log (no terminal), one line per tenth of the work
 * and the last one, so a redirected run's log stays readable.
 */
final class StatusLine {

    private final Main.Io io;
    private final boolean terminal = System.console() != null;
    private int lastTenth = -1;

    StatusLine(Main.Io io) {
        this.io = io;
    }

    void show(long done, long total, String text) {
        int tenth = total <= 0 ? 10 : (int) (10 * done / total);
        if (terminal) {
            io.err().print("\r" + text + "   ");
            io.err().flush();
        } else if (tenth != lastTenth || done == total) {
            lastTenth = tenth;
            io.err().println(text);
        }
    }

    /** Ends the line on a terminal. */
    void done() {
        if (terminal) {
            io.err().println();
        }
    }
}
