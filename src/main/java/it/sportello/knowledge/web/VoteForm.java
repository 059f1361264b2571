package it.sportello.knowledge.web;

/**
 * The "was this helpful?" box's state: still to answer (with what was written and the message key
 * of a problem with it), or answered. Pages that show the box put it in the model as {@code vote}.
 */
record VoteForm(boolean done, String comment, String problem) {

    static VoteForm empty() {
        return new VoteForm(false, "", null);
    }

    static VoteForm answered() {
        return new VoteForm(true, "", null);
    }

    /** The comment field starts open when what was written in it came back with a problem. */
    public boolean commentOpen() {
        return problem != null;
    }
}
