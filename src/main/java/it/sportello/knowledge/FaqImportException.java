package it.sportello.knowledge;

/** An FAQ file that cannot be imported, with the line and the problem; nothing was changed. */
public class FaqImportException extends RuntimeException {

    private final int line;

    public FaqImportException(int line, String problem) {
        super(problem);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
