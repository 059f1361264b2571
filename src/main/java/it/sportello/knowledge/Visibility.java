package it.sportello.knowledge;

/** Who may read an entry or article: everyone on the help center, or the desk's staff only. */
public enum Visibility {
    PUBLIC,
    INTERNAL
}
