package it.sportello.identity.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-line confirmation ("Utente creato") shown on the page an admin action redirects to. */
@Component
class AdminNotices {

    private final MessageSource messages;

    AdminNotices(MessageSource messages) {
        this.messages = messages;
    }

    void flash(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("notice", messages.getMessage(key, arguments, LocaleContextHolder.getLocale()));
    }
}
