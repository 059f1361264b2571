package it.sportello.channel.email.mailbox;

import it.sportello.shared.InvalidInputException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an admin sets on a mailbox, checked as a whole: every wrong field is reported at once.
 * {@code password} is null when it stays as it is.
 */
record MailboxSettings(
        String name,
        String host,
        int port,
        boolean tls,
        String username,
        String password,
        String folder,
        String processedFolder,
        String address,
        Long groupId,
        int pollIntervalSeconds,
        boolean enabled) {

    static final int MAX_INTERVAL = 86_400;

    MailboxSettings {
        name = strip(name);
        host = strip(host);
        username = strip(username);
        folder = strip(folder);
        processedFolder = strip(processedFolder);
        if (processedFolder != null && processedFolder.isEmpty()) {
            processedFolder = null;
        }
        address = strip(address) == null ? null : strip(address).toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidInputException naming each field that is missing or out of range */
    MailboxSettings validated(boolean passwordRequired) {
        Map<String, String> errors = new LinkedHashMap<>();
        text(errors, "name", name, 100);
        text(errors, "host", host, 255);
        if (host != null && !host.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            errors.putIfAbsent("host", "a host name or IP address");
        }
        if (port < 1 || port > 65_535) {
            errors.put("port", "between 1 and 65535");
        }
        text(errors, "username", username, 320);
        if (passwordRequired && (password == null || password.isEmpty())) {
            errors.put("password", "required");
        } else if (password != null && (password.isEmpty() || password.length() > 500)) {
            errors.put("password", "1 to 500 characters");
        }
        text(errors, "folder", folder, 200);
        if (processedFolder != null && processedFolder.length() > 200) {
            errors.put("processedFolder", "at most 200 characters");
        } else if (processedFolder != null && processedFolder.equalsIgnoreCase(folder)) {
            errors.put("processedFolder", "must differ from the folder read");
        }
        if (text(errors, "address", address, 320)) {
            try {
                new InternetAddress(address, true).validate();
                if (!address.contains("@")) {
                    errors.put("address", "an e-mail address");
                }
            } catch (AddressException e) {
                errors.put("address", "an e-mail address");
            }
        }
        if (pollIntervalSeconds < 1 || pollIntervalSeconds > MAX_INTERVAL) {
            errors.put("pollIntervalSeconds", "between 1 and " + MAX_INTERVAL);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return this;
    }

    private static boolean text(Map<String, String> errors, String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            errors.put(field, "required");
            return false;
        }
        if (value.length() > max) {
            errors.put(field, "at most " + max + " characters");
            return false;
        }
        return true;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
