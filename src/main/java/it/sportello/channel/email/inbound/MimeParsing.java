package it.sportello.channel.email.inbound;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedFileInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads a stored raw message with Jakarta Mail, straight from its file (a {@link
 * SharedFileInputStream}, so a large message is never loaded whole): sender, subject, text and
 * HTML from any nesting of multipart/alternative, related, mixed and message/rfc822, files with
 * RFC 2231/2047 names, inline images by Content-ID, and the report of a bounce.
 */
@Component
public class MimeParsing {

    /** Text kept from one message; a longer body is cut (the raw message stays available). */
    static final int MAX_TEXT = 400_000;

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern DSN_FIELD =
            Pattern.compile("(?im)^(Final-Recipient|Original-Recipient|Action|Status|Diagnostic-Code):\\s*(.*)$");

    static {
        JakartaMailStreamProvider.name();
    }

    private final Session session;

    MimeParsing() {
        Properties properties = new Properties();
        // Raw UTF-8 in headers (RFC 6532) is common; without this it would turn into mojibake.
        properties.setProperty("mail.mime.allowutf8", "true");
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodeparameters", "true");
        this.session = Session.getInstance(properties);
    }

    /** Reads the message in {@code file}; a message that cannot be read throws {@link UnreadableMessageException}. */
    public ParsedEmail parse(Path file) {
        SharedFileInputStream source;
        try {
            source = new SharedFileInputStream(file.toFile());
        } catch (IOException e) {
            throw new UnreadableMessageException("the stored copy cannot be opened: " + e.getMessage(), e);
        }
        try {
            return read(new MimeMessage(session, source), source);
        } catch (MessagingException | IOException | RuntimeException e) {
            closeQuietly(source);
            throw new UnreadableMessageException(describe(e), e);
        }
    }

    /** Only the Message-ID header, read from the header block (for de-duplication before processing). */
    public String messageIdOf(Path file) {
        try (InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file))) {
            String value = new InternetHeaders(in, true).getHeader("Message-ID", null);
            return firstMessageId(value);
        } catch (IOException | MessagingException | RuntimeException unreadable) {
            return null;
        }
    }

    private ParsedEmail read(MimeMessage message, InputStream source) throws MessagingException, IOException {
        InternetAddress sender = senderOf(message);
        if (sender == null) {
            throw new UnreadableMessageException("no sender address (From, Reply-To, Sender or Return-Path)", null);
        }
        Body body = new Body();
        BounceReport bounce = null;
        if (message.isMimeType("multipart/report")) {
            bounce = readReport(message, body);
        } else {
            walk(message, body, 0);
        }
        List<String> references = new ArrayList<>();
        references.addAll(messageIds(message.getHeader("In-Reply-To", " ")));
        List<String> older = messageIds(message.getHeader("References", " "));
        for (int i = older.size() - 1; i >= 0; i--) {
            if (!references.contains(older.get(i))) {
                references.add(older.get(i));
            }
        }
        String subject = decodeHeader(message.getHeader("Subject", null));
        return new ParsedEmail(
                message,
                source,
                sender.getAddress().toLowerCase(Locale.ROOT).strip(),
                sender.getPersonal(),
                subject == null ? "" : subject.strip(),
                firstMessageId(message.getHeader("Message-ID", null)),
                references,
                cut(String.join("\n\n", body.texts)),
                body.htmls.isEmpty() ? null : cut(String.join("\n<hr>\n", body.htmls)),
                body.attachments,
                bounce);
    }

    /** From, else Reply-To, Sender or Return-Path: the first that holds a usable address. */
    private static InternetAddress senderOf(MimeMessage message) throws MessagingException {
        for (String header : List.of("From", "Reply-To", "Sender", "Return-Path")) {
            String value = message.getHeader(header, ",");
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                for (Address address : InternetAddress.parseHeader(value, false)) {
                    if (address instanceof InternetAddress internet
                            && internet.getAddress() != null
                            && internet.getAddress().contains("@")) {
                        if (internet.getPersonal() == null) {
                            return internet;
                        }
                        internet.setPersonal(decodeHeader(internet.getPersonal()), "UTF-8");
                        return internet;
                    }
                }
            } catch (AddressException | java.io.UnsupportedEncodingException unusable) {
                // Try the next header: a broken From with a usable Reply-To is still answerable.
            }
        }
        return null;
    }

    /** What one message is made of so far, collected while walking its parts. */
    private static final class Body {
        final List<String> texts = new ArrayList<>();
        final List<String> htmls = new ArrayList<>();
        final List<ParsedEmail.Attachment> attachments = new ArrayList<>();
    }

    private void walk(Part part, Body body, int depth) throws MessagingException, IOException {
        if (depth > 20) {
            throw new UnreadableMessageException("parts nested more than 20 deep", null);
        }
        if (part.isMimeType("multipart/alternative")) {
            alternative((Multipart) part.getContent(), body, depth);
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), body, depth + 1);
            }
        } else if (part.isMimeType("message/rfc822") && part.getContent() instanceof MimeMessage nested) {
            forwarded(nested, body, depth);
        } else if (isAttachment(part)) {
            body.attachments.add(attachment(part));
        } else if (part.isMimeType("text/html")) {
            body.htmls.add(text(part));
        } else if (part.isMimeType("text/*")) {
            body.texts.add(text(part));
        } else {
            body.attachments.add(attachment(part));
        }
    }

    /** One reading of the alternatives: the plain text of the first that has one, the HTML of the last. */
    private void alternative(Multipart alternatives, Body body, int depth) throws MessagingException, IOException {
        List<String> texts = List.of();
        List<String> htmls = List.of();
        for (int i = 0; i < alternatives.getCount(); i++) {
            Body option = new Body();
            walk(alternatives.getBodyPart(i), option, depth + 1);
            if (texts.isEmpty() && !option.texts.isEmpty()) {
                texts = option.texts;
            }
            if (!option.htmls.isEmpty()) {
                htmls = option.htmls;
            }
            // Inline images of the HTML alternative (multipart/related) are part of what was sent.
            body.attachments.addAll(option.attachments);
        }
        body.texts.addAll(texts);
        body.htmls.addAll(htmls);
    }

    /** A message inside the message (a forward): its headers and text follow, its files are kept. */
    private void forwarded(MimeMessage nested, Body body, int depth) throws MessagingException, IOException {
        Body inner = new Body();
        walk(nested, inner, depth + 1);
        String heading = "---------- " + "Forwarded message" + " ----------\n"
                + "From: " + orEmpty(decodeHeader(nested.getHeader("From", ", "))) + "\n"
                + "Date: " + orEmpty(nested.getHeader("Date", null)) + "\n"
                + "Subject: " + orEmpty(decodeHeader(nested.getHeader("Subject", null)));
        String innerText = String.join("\n\n", inner.texts);
        if (innerText.isBlank() && !inner.htmls.isEmpty()) {
            innerText = it.sportello.shared.SafeHtml.fromUntrustedHtml(String.join("\n", inner.htmls))
                    .text();
        }
        body.texts.add(heading + "\n\n" + innerText);
        if (!body.htmls.isEmpty() || !inner.htmls.isEmpty()) {
            String innerHtml = inner.htmls.isEmpty()
                    ? "<pre>" + org.jsoup.nodes.Entities.escape(innerText) + "</pre>"
                    : String.join("\n", inner.htmls);
            body.htmls.add(
                    "<blockquote><p>" + org.jsoup.nodes.Entities.escape(heading).replace("\n", "<br>") + "</p>"
                            + innerHtml + "</blockquote>");
        }
        body.attachments.addAll(inner.attachments);
    }

    /**
     * A bounce: the human-readable first part is the text; the delivery-status part and the
     * returned message (or its headers) say which recipient failed and which of our messages it was.
     */
    private BounceReport readReport(MimeMessage message, Body body) throws MessagingException, IOException {
        Multipart report = (Multipart) message.getContent();
        String originalId = null;
        List<BounceReport.Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < report.getCount(); i++) {
            BodyPart part = report.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                recipients.addAll(recipients(rawText(part)));
            } else if (part.isMimeType("message/rfc822")) {
                Object content = part.getContent();
                if (content instanceof MimeMessage returned) {
                    originalId = firstMessageId(returned.getHeader("Message-ID", null));
                }
                body.attachments.add(attachment(part));
            } else if (part.isMimeType("text/rfc822-headers")) {
                String headers = rawText(part);
                originalId = firstMessageId(
                        new InternetHeaders(new ByteArrayInputStream(headers.getBytes(StandardCharsets.UTF_8)), true)
                                .getHeader("Message-ID", null));
                body.attachments.add(attachment(part));
            } else if (i == 0 || part.isMimeType("multipart/*")) {
                walk(part, body, 1);
            } else {
                body.attachments.add(attachment(part));
            }
        }
        if (recipients.isEmpty() && originalId == null) {
            return null;
        }
        return new BounceReport(originalId, recipients, String.join("\n\n", body.texts));
    }

    /** The per-recipient blocks of a message/delivery-status part (continuation lines folded back). */
    static List<BounceReport.Recipient> recipients(String status) {
        List<BounceReport.Recipient> recipients = new ArrayList<>();
        String unfolded = status.replace("\r\n", "\n").replaceAll("\n[ \t]+", " ");
        for (String block : unfolded.split("\n\\s*\n")) {
            String address = null;
            String action = null;
            String code = null;
            String diagnostic = null;
            Matcher field = DSN_FIELD.matcher(block);
            while (field.find()) {
                String value = field.group(2).strip();
                switch (field.group(1).toLowerCase(Locale.ROOT)) {
                    case "final-recipient" -> address = addressOf(value);
                    case "original-recipient" -> address = address == null ? addressOf(value) : address;
                    case "action" -> action = value.toLowerCase(Locale.ROOT);
                    case "status" -> code = value.split("\\s")[0];
                    default -> diagnostic = value;
                }
            }
            if (address != null) {
                recipients.add(new BounceReport.Recipient(address, action, code, diagnostic));
            }
        }
        return recipients;
    }

    /** "rfc822; someone@example.it" → "someone@example.it". */
    private static String addressOf(String typed) {
        String value = typed.contains(";") ? typed.substring(typed.indexOf(';') + 1) : typed;
        value = value.strip().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
        return value.contains("@") ? value : null;
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        String disposition = part.getDisposition();
        if (Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
            return true;
        }
        if (part.isMimeType("text/*") && rawFileName(part) == null) {
            return false;
        }
        return rawFileName(part) != null || !part.isMimeType("text/*");
    }

    private static ParsedEmail.Attachment attachment(Part part) throws MessagingException {
        String contentId = part instanceof MimePart mime ? mime.getContentID() : null;
        String name = fileName(part);
        String type = baseType(part.getContentType());
        if (name == null) {
            String extension = switch (type) {
                case "image/png" -> ".png";
                case "image/jpeg" -> ".jpg";
                case "image/gif" -> ".gif";
                case "message/rfc822" -> ".eml";
                case "text/rfc822-headers" -> ".txt";
                case "text/plain" -> ".txt";
                default -> ".bin";
            };
            String stem = contentId == null
                    ? "attachment"
                    : contentId.replaceAll("[<>]", "").replaceAll("@.*", "");
            name = (stem.isBlank() ? "attachment" : stem) + extension;
        }
        return new ParsedEmail.Attachment(name, type, contentId, () -> {
            try {
                return part.getInputStream();
            } catch (MessagingException e) {
                throw new java.io.IOException("Unreadable part " + contentId, e);
            }
        });
    }

    /** RFC 2231 names arrive decoded (mail.mime.decodeparameters); RFC 2047 ones, which clients still send, too. */
    static String fileName(Part part) throws MessagingException {
        String name = rawFileName(part);
        if (name == null || name.isBlank()) {
            return null;
        }
        return decodeHeader(name).strip();
    }

    private static String rawFileName(Part part) throws MessagingException {
        try {
            return part.getFileName();
        } catch (MessagingException | RuntimeException unparsable) {
            return null;
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(MAX_TEXT * 4);
        }
        String charset = null;
        try {
            charset = new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException unparsable) {
            // A broken Content-Type still has bytes worth reading; the decoder guesses.
        }
        return TextDecoding.decode(bytes, charset);
    }

    /** A part's content as text without any charset games (DSN fields and header blocks are ASCII). */
    private static String rawText(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof InputStream in) {
            try (in) {
                return new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8);
            }
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8);
        }
    }

    static String decodeHeader(String value) {
        if (value == null) {
            return null;
        }
        String unfolded = value.replaceAll("\r?\n[ \t]*", " ");
        try {
            // Encoded words split across folded lines must be joined to decode as one.
            return MimeUtility.decodeText(unfolded.replaceAll("\\?=\\s+=\\?", "?==?"));
        } catch (java.io.UnsupportedEncodingException | RuntimeException undecodable) {
            return unfolded;
        }
    }

    static String firstMessageId(String value) {
        List<String> ids = messageIds(value);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private static List<String> messageIds(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher matcher = MESSAGE_ID.matcher(value);
        while (matcher.find()) {
            ids.add(matcher.group());
        }
        return ids;
    }

    private static String baseType(String contentType) {
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException unparsable) {
            return "application/octet-stream";
        }
    }

    private static String cut(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Nothing to do: the message was unreadable anyway.
        }
    }
}
