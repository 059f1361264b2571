package it.sportello.knowledge;

/** What an import did: entries created, replaced, left as they were, removed; rows read; the new revision. */
public record FaqImportResult(int rows, int created, int replaced, int unchanged, int removed, long revision) {}
