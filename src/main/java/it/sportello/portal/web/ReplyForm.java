package it.sportello.portal.web;

/** A reply as typed (the files come apart, as multipart parts). */
record ReplyForm(String body) {

    static ReplyForm empty() {
        return new ReplyForm("");
    }

    void check(FormErrors errors) {
        if (body == null || body.isBlank()) {
            errors.reject("body", "portal.reply.body.required");
        }
    }
}
