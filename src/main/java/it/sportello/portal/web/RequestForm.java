package it.sportello.portal.web;

/** A new request as typed: subject and description (the files come apart, as multipart parts). */
record RequestForm(String subject, String description) {

    static final int MAX_SUBJECT = 200;

    static RequestForm empty() {
        return new RequestForm("", "");
    }

    void check(FormErrors errors) {
        if (subject == null || subject.isBlank()) {
            errors.reject("subject", "portal.new.subject.required");
        } else if (subject.strip().length() > MAX_SUBJECT) {
            errors.reject("subject", "portal.new.subject.too-long", MAX_SUBJECT);
        }
        if (description == null || description.isBlank()) {
            errors.reject("description", "portal.new.description.required");
        }
    }
}
