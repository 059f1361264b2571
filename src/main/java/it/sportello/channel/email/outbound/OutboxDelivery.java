package it.sportello.channel.email.outbound;

import it.sportello.ticket.Attachment;
import it.sportello.ticket.MessageId;
import it.sportello.ticket.TicketManagement;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Sends the outbox's due mail through the configured mail server ({@code spring.mail.*}), from
 * the scheduler's thread, never from a request. Each mail is first claimed in a short
 * transaction (see {@link OutgoingMailRepository#claim}), so two nodes never send it at once;
 * sent outside any transaction; then marked sent, or failed with a back-off, in another short one.
 *
 * <p>Delivery to the mail server is at least once: if the node dies after the server accepted a
 * mail but before it was marked sent, the claim's lease runs out and the mail goes once more. We
 * accept that rare duplicate (the same {@code Message-ID}, which many mail clients fold) over the
 * alternative, marking before sending, which could lose a mail. Without a mail server configured
 * nothing is sent and mail waits, queued, for one.
 */
@Component
class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final JavaMailSender sender;
    private final OutgoingMailRepository mails;
    private final TicketManagement tickets;
    private final OutboundMailSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AtomicBoolean toldNoServer = new AtomicBoolean();

    OutboxDelivery(
            ObjectProvider<JavaMailSender> senders,
            @Value("${spring.mail.host:}") String host,
            OutgoingMailRepository mails,
            TicketManagement tickets,
            OutboundMailSettings settings,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        // Spring makes a mail sender only when spring.mail.host is set; an empty host is no server either.
        this.sender = StringUtils.hasText(host) ? senders.getIfAvailable() : null;
        this.mails = mails;
        this.tickets = tickets;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Sends what is due, up to one batch; returns how many mails were tried. */
    int sendDue() {
        if (sender == null) {
            if (toldNoServer.compareAndSet(false, true)) {
                log.warn("No mail server is configured (spring.mail.host): mail to customers stays queued"
                        + " in the outbox until one is");
            }
            return 0;
        }
        Instant now = Instant.now(clock);
        List<Long> due = transactions.execute(tx -> mails.due(
                MailStatus.QUEUED, now, PageRequest.of(0, settings.outbox().batchSize())));
        int tried = 0;
        for (Long id : due == null ? List.<Long>of() : due) {
            if (claim(id)) {
                send(id);
                tried++;
            }
        }
        return tried;
    }

    private boolean claim(long id) {
        Instant now = Instant.now(clock);
        Integer claimed = transactions.execute(tx -> mails.claim(
                id, MailStatus.QUEUED, now, now.plus(settings.outbox().lease())));
        return claimed != null && claimed == 1;
    }

    private void send(long id) {
        OutgoingMail mail = transactions.execute(tx -> mails.findById(id).orElse(null));
        if (mail == null) {
            return;
        }
        try {
            sender.send(compose(mail));
        } catch (Exception e) {
            String error = describe(e);
            log.warn("Mail {} for ticket {} not sent (try {}): {}", id, mail.ticketId(), mail.attempts(), error);
            record(id, stored -> stored.failed(error, Instant.now(clock), settings.outbox()));
            return;
        }
        record(id, stored -> stored.sent(Instant.now(clock)));
    }

    private void record(long id, Consumer<OutgoingMail> change) {
        transactions.executeWithoutResult(tx -> mails.findById(id).ifPresent(stored -> {
            change.accept(stored);
            mails.save(stored);
        }));
    }

    private MimeMessage compose(OutgoingMail mail) throws MessagingException, IOException {
        MimeMessage message = sender.createMimeMessage();
        List<Long> wanted = mail.attachmentIds();
        List<Attachment> files = wanted.isEmpty()
                ? List.of()
                : mail
                        .messageId()
                        .flatMap(messageId -> tickets.forDelivery(new MessageId(messageId)))
                        .map(TicketManagement.Delivery::attachments)
                        .orElse(List.of())
                        .stream()
                        .filter(file -> wanted.contains(file.id()))
                        .toList();
        boolean html = mail.bodyHtml().isPresent();
        MimeMessageHelper helper = html || !files.isEmpty()
                ? new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8")
                : new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(mail.from());
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        if (html) {
            helper.setText(mail.bodyText(), document(mail.bodyHtml().get()));
        } else {
            helper.setText(mail.bodyText(), false);
        }
        for (Attachment file : files) {
            byte[] bytes;
            try (InputStream in = tickets.openAttachment(file)) {
                bytes = in.readAllBytes();
            }
            helper.addAttachment(file.fileName(), new ByteArrayResource(bytes), file.contentType());
        }
        message.setHeader("Message-ID", mail.mailMessageId());
        if (mail.inReplyTo().isPresent()) {
            message.setHeader("In-Reply-To", mail.inReplyTo().get());
        }
        if (mail.references().isPresent()) {
            message.setHeader("References", mail.references().get());
        }
        if (mail.kind() == MailKind.ACKNOWLEDGEMENT) {
            // RFC 3834, and the header Exchange/Outlook honour: nobody's autoresponder answers this.
            message.setHeader("Auto-Submitted", "auto-replied");
            message.setHeader("X-Auto-Response-Suppress", "All");
        }
        return message;
    }

    /** The sanitised HTML body as a whole document, so every mail client reads its charset. */
    private static String document(String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"></head><body>" + body + "</body></html>";
    }

    /**
     * What went wrong, for admins: the exception's kind and first message line, with the causes'.
     * Mail exceptions carry the server's answer, never the account's password.
     */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 400; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            String message = t.getMessage() == null
                    ? ""
                    : t.getMessage().lines().findFirst().orElse("");
            text.append(t.getClass().getSimpleName());
            if (!message.isBlank()) {
                text.append(": ").append(message.strip());
            }
        }
        return text.isEmpty() ? "unknown error" : text.toString();
    }
}
