package it.sportello.automation;

/** An acknowledgement template as a supervisor writes it. */
public record AcknowledgementDraft(boolean active, String subjectIt, String bodyIt, String subjectEn, String bodyEn) {}
