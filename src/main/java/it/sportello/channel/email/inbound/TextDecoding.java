package it.sportello.channel.email.inbound;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns the bytes of a text part into characters, distrusting the declared charset the way real
 * mail requires: Italian mail labelled us-ascii or iso-8859-1 is nearly always windows-1252 (the
 * euro sign and curly quotes live at 0x80-0x9F), and "utf-8" that is not valid UTF-8 is too.
 */
final class TextDecoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {}

    static String decode(byte[] bytes, String declared) {
        Charset charset = charsetNamed(declared);
        if (!hasHighBytes(bytes)) {
            return new String(bytes, charset == null ? StandardCharsets.US_ASCII : asciiCompatible(charset));
        }
        if (charset == null
                || charset.equals(StandardCharsets.US_ASCII)
                || charset.equals(StandardCharsets.ISO_8859_1)
                || charset.equals(StandardCharsets.UTF_8)) {
            String utf8 = strictUtf8(bytes);
            // windows-1252 is a superset of ISO-8859-1 for everything printable, so it never reads worse.
            return utf8 != null ? utf8 : new String(bytes, WINDOWS_1252);
        }
        return new String(bytes, charset);
    }

    private static Charset asciiCompatible(Charset charset) {
        // UTF-16 and the like are not ASCII-compatible; bytes below 0x80 are then read as they are.
        return charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-16") ? charset : StandardCharsets.US_ASCII;
    }

    private static Charset charsetNamed(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String name =
                jakarta.mail.internet.MimeUtility.javaCharset(declared.trim().replace("\"", ""));
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static boolean hasHighBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}
