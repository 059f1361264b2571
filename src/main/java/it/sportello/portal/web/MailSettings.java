package it.sportello.portal.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What e-mails from the portal need besides a mail server ({@code spring.mail.*}): the sender,
 * and the address customers reach Sportello at. Links in e-mails are built on {@code publicUrl},
 * never on the Host a request claimed, so nobody can make the desk mail out a link to their site.
 */
@ConfigurationProperties("sportello.mail")
record MailSettings(
        @DefaultValue("Sportello <noreply@sportello.local>") String from,
        @DefaultValue("http://localhost:8080") URI publicUrl) {}
