package it.sportello.channel.email.mailbox;

/**
 * A mailbox as the admin's form holds it. Numbers stay text so that what was typed comes back
 * as typed beside its error; the password is write-only: empty means "keep the stored one".
 */
record MailboxPageForm(
        String name,
        String host,
        String port,
        Boolean tls,
        String username,
        String password,
        String folder,
        String processedFolder,
        String address,
        Long groupId,
        String pollIntervalSeconds,
        Boolean enabled) {

    static MailboxPageForm empty() {
        return new MailboxPageForm("", "", "993", true, "", null, "INBOX", "", "", null, "60", true);
    }

    static MailboxPageForm of(Mailbox m) {
        return new MailboxPageForm(
                m.name(),
                m.host(),
                Integer.toString(m.port()),
                m.tls(),
                m.username(),
                null,
                m.folder(),
                m.processedFolder() == null ? "" : m.processedFolder(),
                m.address(),
                m.groupId(),
                Integer.toString(m.pollIntervalSeconds()),
                m.enabled());
    }

    boolean tlsOn() {
        return Boolean.TRUE.equals(tls);
    }

    boolean enabledOn() {
        return Boolean.TRUE.equals(enabled);
    }

    /** The settings the service checks; a number that is not one becomes 0, which its range check refuses. */
    MailboxSettings settings() {
        return new MailboxSettings(
                name,
                host,
                number(port),
                tlsOn(),
                username,
                password == null || password.isEmpty() ? null : password,
                folder,
                processedFolder,
                address,
                groupId,
                number(pollIntervalSeconds),
                enabledOn());
    }

    private static int number(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
