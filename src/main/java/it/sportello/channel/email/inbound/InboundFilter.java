package it.sportello.channel.email.inbound;

import java.util.Optional;

/**
 * One rule of inbound-mail processing, a bean among an ordered list (the {@code @Order} of each
 * says where it runs; see {@link InboundPipeline}). A filter looks at the mail, may note what it
 * learnt on it for the filters after it, and either decides what becomes of the mail or returns
 * none to let the next one look. Filters run inside the processing transaction, once per attempt,
 * so they may read tickets and customers but write nothing: {@code EmailIntake} carries out the
 * decision.
 */
public interface InboundFilter {

    /** What becomes of the mail, or empty to leave it to the next filter. */
    Optional<InboundDecision> apply(InboundMail mail);
}
