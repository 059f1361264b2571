package it.sportello.routing;

/** Identifies a skill of the catalogue. */
public record SkillId(long value) {}
