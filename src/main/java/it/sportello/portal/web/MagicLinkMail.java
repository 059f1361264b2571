package it.sportello.portal.web;

import it.sportello.identity.MagicLinks;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a customer their sign-in link, in their language. Sending happens off the request thread:
 * the page answers at once and takes as long whether or not the address has an account, so its
 * timing gives nothing away. The link's token appears in the e-mail only, never in a log line.
 */
@Component
class MagicLinkMail {

    private static final Logger log = LoggerFactory.getLogger(MagicLinkMail.class);

    private final JavaMailSender sender;
    private final MailSettings settings;
    private final MessageSource messages;
    private final Executor executor;

    MagicLinkMail(
            ObjectProvider<JavaMailSender> senders,
            @Value("${spring.mail.host:}") String host,
            MailSettings settings,
            MessageSource messages,
            @Qualifier("applicationTaskExecutor") Executor executor) {
        // Spring makes a mail sender only when spring.mail.host is set; an empty host is no server either.
        this.sender = StringUtils.hasText(host) ? senders.getIfAvailable() : null;
        this.settings = settings;
        this.messages = messages;
        this.executor = executor;
    }

    /**
     * Whether links can be mailed at all. Without a mail server the portal does not offer sign-in
     * links (they could never arrive); signing in with a password works either way.
     */
    boolean available() {
        return sender != null;
    }

    /** Queues the e-mail with the link; a failure to send is logged (without the link) and not retried. */
    void send(MagicLinks.Issued link, long lifetimeMinutes) {
        if (sender == null) {
            throw new IllegalStateException("No mail server configured (spring.mail.host)");
        }
        executor.execute(() -> deliver(link, lifetimeMinutes));
    }

    private void deliver(MagicLinks.Issued link, long lifetimeMinutes) {
        Locale locale = link.locale().locale();
        String url = UriComponentsBuilder.fromUri(settings.publicUrl())
                .pathSegment("portal", "magic-link", link.token())
                .build()
                .toUriString();
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper mail = new MimeMessageHelper(message, false, "UTF-8");
            mail.setFrom(settings.from());
            mail.setTo(link.email());
            mail.setSubject(messages.getMessage("portal.mail.magic-link.subject", null, locale));
            mail.setText(
                    messages.getMessage(
                            "portal.mail.magic-link.body",
                            new Object[] {link.displayName(), url, lifetimeMinutes},
                            locale),
                    false);
            sender.send(message);
        } catch (MailException | MessagingException e) {
            log.warn("Could not send a sign-in link to {}: {}", link.email(), e.getMessage());
        }
    }
}
