package it.sportello.sla;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * What the desk promises a customer about its answer: within {@code within}, counted in business
 * time of the applicable calendar or around the clock.
 */
public record ResponsePromise(Duration within, boolean businessTime) {

    public ResponsePromise {
        if (within == null || within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException("A promise needs a positive duration");
        }
    }

    /** The promise in the customer's words: "entro 8 ore lavorative", "within 2 minutes". */
    public String describe(MessageSource messages, Locale locale) {
        String kind = businessTime ? "business_" : "";
        long minutes = within.toMinutes();
        if (minutes % (24 * 60) == 0 && !businessTime) {
            return messages.getMessage("sla.promise." + kind + "days", new Object[] {minutes / (24 * 60)}, locale);
        }
        if (minutes % 60 == 0) {
            return messages.getMessage("sla.promise." + kind + "hours", new Object[] {minutes / 60}, locale);
        }
        return messages.getMessage("sla.promise." + kind + "minutes", new Object[] {minutes}, locale);
    }
}
