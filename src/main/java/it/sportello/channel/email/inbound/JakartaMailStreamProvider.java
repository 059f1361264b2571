package it.sportello.channel.email.inbound;

/**
 * Names Jakarta Mail's stream provider for the whole JVM. Without a name, Jakarta Mail 2.1 looks
 * the provider up through {@link java.util.ServiceLoader} on every header block it reads and every
 * part it decodes (jakartaee/mail-api#861), scanning each jar on the class path anew: a quarter of
 * the intake's time per message. Named, the lookup is a {@code Class.forName} of a loaded class. It
 * is the provider the lookup finds anyway (Angus Mail's, the only one on the class path), and a
 * name set from outside (a {@code -D} option) is left as it is.
 */
final class JakartaMailStreamProvider {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private JakartaMailStreamProvider() {}

    static void name() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS, false, JakartaMailStreamProvider.class.getClassLoader());
        } catch (ClassNotFoundException absent) {
            return; // another implementation: let Jakarta Mail find it as before
        }
        System.setProperty(PROPERTY, ANGUS);
    }
}
