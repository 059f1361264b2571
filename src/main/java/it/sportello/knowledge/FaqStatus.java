package it.sportello.knowledge;

/** Whether an entry or article is still being written or is out for readers (and the bot). */
public enum FaqStatus {
    DRAFT,
    PUBLISHED
}
