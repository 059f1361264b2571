package it.sportello.channel.email.inbound;

import it.sportello.channel.email.MailboxRoute;
import it.sportello.identity.GroupId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The routes raw messages come in on, by key: the mail server's pipe ("pipe", configured with
 * {@code sportello.email.pipe-group} and {@code sportello.email.desk-addresses}) and any mailbox
 * that registers its own. A message waiting for recovery is processed with its route's settings.
 */
@Component
public class InboundRoutes {

    public static final String PIPE = "pipe";

    private final MailboxRoute pipe;
    private final Map<String, MailboxRoute> others = new ConcurrentHashMap<>();

    InboundRoutes(
            @Value("${sportello.email.pipe-group:}") Long pipeGroup,
            @Value("${sportello.email.desk-addresses:}") String deskAddresses) {
        java.util.SequencedSet<String> addresses = new LinkedHashSet<>();
        Arrays.stream(deskAddresses.split(","))
                .map(a -> a.strip().toLowerCase(Locale.ROOT))
                .filter(a -> !a.isEmpty())
                .forEach(addresses::add);
        this.pipe = new MailboxRoute(
                PIPE,
                pipeGroup == null ? null : new GroupId(pipeGroup),
                Set.copyOf(addresses),
                addresses.isEmpty() ? null : addresses.getFirst());
    }

    public MailboxRoute pipe() {
        return pipe;
    }

    /** Lets a mailbox make its route known, so its waiting messages are recovered with its own settings. */
    public void register(MailboxRoute route) {
        others.put(route.key(), route);
    }

    /** The route with this key; an unknown one (a mailbox since removed) keeps the pipe's desk addresses. */
    public MailboxRoute forKey(String key) {
        if (PIPE.equals(key)) {
            return pipe;
        }
        MailboxRoute known = others.get(key);
        return known != null ? known : new MailboxRoute(key, null, pipe.deskAddresses(), pipe.replyFrom());
    }
}
