package it.sportello.channel.chat.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a visitor asking for a person ("vorrei parlare con un operatore", "can I talk to a
 * human?") in Italian or English. Only short messages count: a long one that mentions an agent is
 * more likely a question about one, and the bot (or its low confidence) deals with it.
 */
public final class PersonRequest {

    private static final int MAX_LENGTH = 120;

    private static final Pattern ASKS =
            Pattern.compile("\\b(operator[ei]|operatrice|una persona|persona reale|essere umano|umano|qualcuno di reale"
                    + "|assistenza umana|un addetto|agent|human|real person|a person|someone real|representative"
                    + "|live support)\\b");

    private PersonRequest() {}

    public static boolean asks(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return false;
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return ASKS.matcher(plain).find();
    }
}
