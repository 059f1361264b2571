package it.sportello.bot;

import it.sportello.knowledge.FaqCatalog;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PlainText;
import it.sportello.shared.SequenceIds;
import it.sportello.shared.SupportedLocale;
import it.sportello.ticket.AgentReplied;
import it.sportello.ticket.TicketManagement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bot's learning loop: a question it handed over (on a ticket) that an agent then answered
 * with an FAQ answer becomes a proposed new way of asking that entry; a supervisor accepts it
 * (the entry gains the question, and the bot learns it) or rejects it.
 */
@Service
public class BotLearning {

    /** Answers shorter than this are too common ("Sì, certo.") to tell which entry was used. */
    private static final int MIN_ANSWER = 20;

    private final JdbcTemplate jdbc;
    private final SequenceIds ids;
    private final BotEngine engine;
    private final FaqCatalog catalog;
    private final TicketManagement tickets;
    private final Clock clock;

    BotLearning(
            JdbcTemplate jdbc,
            SequenceIds ids,
            BotEngine engine,
            FaqCatalog catalog,
            TicketManagement tickets,
            Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.engine = engine;
        this.catalog = catalog;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** Remembers that the bot handed this question (on this ticket, if any) to a person. */
    @Transactional
    public void handedOff(Long ticketId, SupportedLocale locale, String question) {
        jdbc.update(
                "insert into bot_handoff (id, ticket_id, locale, question, created_at) values (?, ?, ?, ?, ?)",
                ids.next("bot_handoff_seq"),
                ticketId,
                locale.code(),
                PlainText.line(question),
                Timestamp.from(clock.instant()));
    }

    @ApplicationModuleListener
    void on(AgentReplied replied) {
        List<Map<String, Object>> handoffs = jdbc.queryForList(
                "select locale, question from bot_handoff where ticket_id = ?",
                replied.ticketId().value());
        if (handoffs.isEmpty()) {
            return;
        }
        String reply = tickets.forDelivery(replied.messageId())
                .map(delivery -> normalised(delivery.message().bodyText()))
                .orElse("");
        Map<String, Map<String, String>> answers = engine.serving().answers();
        for (Map<String, Object> handoff : handoffs) {
            String locale = (String) handoff.get("locale");
            answers.forEach((faqId, perLocale) -> {
                String answer = normalised(perLocale.getOrDefault(locale, ""));
                if (answer.length() >= MIN_ANSWER && reply.contains(answer)) {
                    propose(
                            faqId,
                            locale,
                            (String) handoff.get("question"),
                            replied.ticketId().value());
                }
            });
        }
    }

    private void propose(String faqId, String locale, String question, long ticketId) {
        try {
            jdbc.update(
                    "insert into bot_proposal (id, faq_id, locale, question, ticket_id, status, created_at)"
                            + " values (?, ?, ?, ?, ?, 'PENDING', ?)",
                    ids.next("bot_proposal_seq"),
                    faqId,
                    locale,
                    question,
                    ticketId,
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException alreadyProposed) {
            // The same question for the same entry is proposed once, however often it is answered.
        }
    }

    @Transactional(readOnly = true)
    public List<BotProposal> proposals(String status) {
        return jdbc.query(
                SELECT + " where status = ? order by created_at desc, id desc limit 500",
                BotLearning::proposal,
                status.toUpperCase(java.util.Locale.ROOT));
    }

    private static final String SELECT =
            "select id, faq_id, locale, question, ticket_id, status, created_at from bot_proposal";

    private static BotProposal proposal(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new BotProposal(
                rs.getLong("id"),
                rs.getString("faq_id"),
                rs.getString("locale"),
                rs.getString("question"),
                rs.getObject("ticket_id", Long.class),
                rs.getString("status").toLowerCase(java.util.Locale.ROOT),
                rs.getTimestamp("created_at").toInstant());
    }

    /** The entry gains the question (and the bot learns it, as after any change of the FAQ database). */
    @Transactional
    public void accept(long id, String supervisor) {
        BotProposal proposal = pending(id);
        catalog.addQuestion(
                proposal.faqId(),
                SupportedLocale.fromCode(proposal.locale()).orElseThrow(),
                proposal.question(),
                supervisor);
        decide(id, "ACCEPTED", supervisor);
    }

    @Transactional
    public void reject(long id, String supervisor) {
        pending(id);
        decide(id, "REJECTED", supervisor);
    }

    private BotProposal pending(long id) {
        return jdbc
                .query(SELECT + " where id = ? and status = 'PENDING' for update", BotLearning::proposal, id)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Pending proposal", id));
    }

    private void decide(long id, String status, String supervisor) {
        jdbc.update(
                "update bot_proposal set status = ?, decided_at = ?, decided_by = ? where id = ?",
                status,
                Timestamp.from(clock.instant()),
                supervisor,
                id);
    }

    private static String normalised(String text) {
        return PlainText.line(text).toLowerCase(java.util.Locale.ROOT);
    }
}
