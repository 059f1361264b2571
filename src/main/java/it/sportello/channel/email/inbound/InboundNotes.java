package it.sportello.channel.email.inbound;

import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts the desk itself writes on tickets for inbound mail (bounce notes, refused files,
 * placeholders), from the {@code i18n/email} bundle in the desk's language
 * ({@code sportello.email.note-language}, Italian unless set).
 */
@Component
public class InboundNotes {

    private final MessageSource messages;
    private final Locale locale;

    InboundNotes(MessageSource messages, @Value("${sportello.email.note-language:it}") String language) {
        this.messages = messages;
        this.locale = Locale.forLanguageTag(language);
    }

    public String emptySubject() {
        return text("email.subject.empty");
    }

    public String emptyBody() {
        return text("email.body.empty");
    }

    public String automaticReply(String sender) {
        return text("email.note.automatic", sender);
    }

    public String refused(List<InboundAttachments.Refused> files) {
        StringBuilder note = new StringBuilder();
        for (InboundAttachments.Refused file : files) {
            note.append(text("email.note.refused", file.fileName(), text("email.note.refused." + file.reason())))
                    .append('\n');
        }
        return note.toString().strip();
    }

    public String bounce(String reporter, BounceReport report, List<String> failing) {
        StringBuilder note = new StringBuilder(text("email.note.bounce.title", reporter)).append("\n\n");
        for (BounceReport.Recipient recipient : report.recipients()) {
            note.append(text(
                            "email.note.bounce.recipient",
                            recipient.address(),
                            orDash(recipient.action()),
                            orDash(recipient.status()),
                            recipient.diagnostic() == null ? "" : recipient.diagnostic()))
                    .append('\n');
        }
        for (String address : failing) {
            note.append('\n').append(text("email.note.bounce.failing", address));
        }
        if (report.humanReadable() != null && !report.humanReadable().isBlank()) {
            note.append("\n\n").append(report.humanReadable().strip());
        }
        return note.toString().strip();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
