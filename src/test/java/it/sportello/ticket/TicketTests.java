package it.sportello.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.customer.CustomerId;
import it.sportello.identity.GroupId;
import it.sportello.identity.UserId;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.SafeHtml;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The ticket aggregate on its own, without Spring: the transitions it allows, the timestamps it
 * keeps and the events it registers. Events are read from {@code AbstractAggregateRoot}'s
 * protected {@code domainEvents()} by reflection, so the aggregate needs no test-only accessor.
 */
class TicketTests {

    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    private static final CustomerId CUSTOMER = new CustomerId(7);
    private static final UserId AGENT = new UserId(11);
    private static final UserId OTHER_AGENT = new UserId(12);
    private static final GroupId GROUP = new GroupId(3);

    private final AtomicLong ids = new AtomicLong(1000);

    /** Every legal move a person can make; anything else (bar staying put) is a conflict. */
    private static final Map<TicketStatus, Set<TicketStatus>> LEGAL = Map.of(
            TicketStatus.NEW,
                    EnumSet.of(TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ON_HOLD, TicketStatus.SOLVED),
            TicketStatus.OPEN, EnumSet.of(TicketStatus.PENDING, TicketStatus.ON_HOLD, TicketStatus.SOLVED),
            TicketStatus.PENDING, EnumSet.of(TicketStatus.OPEN, TicketStatus.ON_HOLD, TicketStatus.SOLVED),
            TicketStatus.ON_HOLD, EnumSet.of(TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.SOLVED),
            TicketStatus.SOLVED, EnumSet.of(TicketStatus.OPEN, TicketStatus.CLOSED),
            TicketStatus.CLOSED, EnumSet.noneOf(TicketStatus.class));

    static Stream<Arguments> allStatusPairs() {
        return Arrays.stream(TicketStatus.values())
                .flatMap(from -> Arrays.stream(TicketStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allStatusPairs")
    void allowsExactlyTheLegalStatusTransitions(TicketStatus from, TicketStatus to) {
        Ticket ticket = ticketIn(from);
        Instant later = T0.plusSeconds(3600);
        clearEvents(ticket);

        if (from == to) {
            ticket.changeStatus(to, later);
            assertThat(ticket.status()).isEqualTo(from);
            assertThat(events(ticket)).as("staying put is no change").isEmpty();
        } else if (LEGAL.get(from).contains(to)) {
            ticket.changeStatus(to, later);
            assertThat(ticket.status()).isEqualTo(to);
            assertThat(ticket.updatedAt()).isEqualTo(later);
            assertThat(events(ticket)).singleElement().isInstanceOfSatisfying(TicketStatusChanged.class, e -> {
                assertThat(e.ticketId()).isEqualTo(ticket.id());
                assertThat(e.from()).isEqualTo(from);
                assertThat(e.to()).isEqualTo(to);
                assertThat(e.occurredAt()).isEqualTo(later);
                assertThat(e.eventId()).isNotNull();
            });
        } else {
            Instant before = ticket.updatedAt();
            assertThatThrownBy(() -> ticket.changeStatus(to, later))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining(from.code())
                    .hasMessageContaining(to.code());
            assertThat(ticket.status()).isEqualTo(from);
            assertThat(ticket.updatedAt()).isEqualTo(before);
            assertThat(events(ticket)).isEmpty();
        }
    }

    @Test
    void statusTableMatchesTheAggregate() {
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketStatus to : TicketStatus.values()) {
                assertThat(from.canMoveTo(to))
                        .as(from + " -> " + to)
                        .isEqualTo(LEGAL.get(from).contains(to));
            }
        }
    }

    @Test
    void solvingStampsSolvedAtAndReopeningClearsItAndCounts() {
        Ticket ticket = newTicket();
        ticket.changeStatus(TicketStatus.SOLVED, T0.plusSeconds(10));
        assertThat(ticket.solvedAt()).contains(T0.plusSeconds(10));
        assertThat(ticket.reopenedCount()).isZero();

        ticket.changeStatus(TicketStatus.OPEN, T0.plusSeconds(20));
        assertThat(ticket.reopenedCount()).isEqualTo(1);
        assertThat(ticket.solvedAt()).isEmpty();

        ticket.changeStatus(TicketStatus.PENDING, T0.plusSeconds(30));
        ticket.changeStatus(TicketStatus.OPEN, T0.plusSeconds(40));
        assertThat(ticket.reopenedCount())
                .as("pending -> open is not a reopening")
                .isEqualTo(1);

        ticket.changeStatus(TicketStatus.SOLVED, T0.plusSeconds(50));
        ticket.receiveFromCustomer(messageId(), body("Ancora rotto"), Channel.EMAIL, T0.plusSeconds(60));
        assertThat(ticket.reopenedCount()).isEqualTo(2);

        ticket.changeStatus(TicketStatus.SOLVED, T0.plusSeconds(70));
        ticket.changeStatus(TicketStatus.CLOSED, T0.plusSeconds(80));
        assertThat(ticket.reopenedCount()).as("closing is not a reopening").isEqualTo(2);
        assertThat(ticket.closedAt()).contains(T0.plusSeconds(80));
        assertThat(ticket.solvedAt())
                .as("a closed ticket keeps when it was solved")
                .contains(T0.plusSeconds(70));
    }

    @Test
    void firstReplyIsStampedOnceAndOnlyByAPublicReply() {
        Ticket ticket = newTicket();
        ticket.receiveFromCustomer(messageId(), body("Aiuto"), Channel.WEB, T0);
        clearEvents(ticket);

        Message note = ticket.addNote(messageId(), AGENT, body("Guardo io"), T0.plusSeconds(5));
        assertThat(note.internal()).isTrue();
        assertThat(ticket.firstReplyAt()).as("a note is not a reply").isEmpty();
        assertThat(ticket.status()).as("a note does not open a ticket").isEqualTo(TicketStatus.NEW);

        Message first = ticket.replyAsAgent(messageId(), AGENT, body("Eccoci"), T0.plusSeconds(10));
        assertThat(first.internal()).isFalse();
        assertThat(first.authorType()).isEqualTo(AuthorType.AGENT);
        assertThat(first.authorUser()).contains(AGENT);
        assertThat(ticket.firstReplyAt()).contains(T0.plusSeconds(10));
        assertThat(ticket.lastAgentReplyAt()).contains(T0.plusSeconds(10));
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);

        ticket.replyAsAgent(messageId(), OTHER_AGENT, body("Ancora noi"), T0.plusSeconds(20));
        assertThat(ticket.firstReplyAt()).contains(T0.plusSeconds(10));
        assertThat(ticket.lastAgentReplyAt()).contains(T0.plusSeconds(20));

        List<AgentReplied> replies = events(ticket).stream()
                .filter(AgentReplied.class::isInstance)
                .map(AgentReplied.class::cast)
                .toList();
        assertThat(replies).extracting(AgentReplied::firstReply).containsExactly(true, false);
        assertThat(replies).extracting(AgentReplied::agentId).containsExactly(AGENT, OTHER_AGENT);
        assertThat(replies.getFirst().messageId()).isEqualTo(first.messageId());
    }

    @Test
    void aFirstReplyOpensANewTicketAndSaysSo() {
        Ticket ticket = newTicket();
        clearEvents(ticket);

        ticket.replyAsAgent(messageId(), AGENT, body("Ciao"), T0.plusSeconds(1));

        assertThat(events(ticket)).hasSize(2);
        assertThat(events(ticket).get(0))
                .isInstanceOfSatisfying(
                        TicketStatusChanged.class, e -> assertThat(e.to()).isEqualTo(TicketStatus.OPEN));
        assertThat(events(ticket).get(1)).isInstanceOf(AgentReplied.class);
    }

    @Test
    void aReplyDoesNotMoveAPendingTicket() {
        Ticket ticket = ticketIn(TicketStatus.PENDING);
        ticket.replyAsAgent(messageId(), AGENT, body("Aspettiamo lei"), T0.plusSeconds(1));
        assertThat(ticket.status()).isEqualTo(TicketStatus.PENDING);
    }

    @Test
    void aCustomerMessageReopensASolvedTicket() {
        Ticket ticket = ticketIn(TicketStatus.SOLVED);
        assertThat(ticket.solvedAt()).isPresent();
        clearEvents(ticket);

        Message message =
                ticket.receiveFromCustomer(messageId(), body("Non va ancora"), Channel.EMAIL, T0.plusSeconds(100));

        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.reopenedCount()).isEqualTo(1);
        assertThat(ticket.solvedAt()).isEmpty();
        assertThat(ticket.lastCustomerMessageAt()).contains(T0.plusSeconds(100));
        assertThat(message.authorType()).isEqualTo(AuthorType.CUSTOMER);
        assertThat(message.authorCustomer()).contains(CUSTOMER);
        assertThat(message.channel()).isEqualTo(Channel.EMAIL);
        assertThat(events(ticket)).hasSize(2);
        assertThat(events(ticket).get(0)).isInstanceOfSatisfying(TicketStatusChanged.class, e -> {
            assertThat(e.from()).isEqualTo(TicketStatus.SOLVED);
            assertThat(e.to()).isEqualTo(TicketStatus.OPEN);
        });
        assertThat(events(ticket).get(1)).isInstanceOfSatisfying(MessageReceived.class, e -> {
            assertThat(e.messageId()).isEqualTo(message.messageId());
            assertThat(e.customerId()).isEqualTo(CUSTOMER);
            assertThat(e.channel()).isEqualTo(Channel.EMAIL);
        });
    }

    @Test
    void aCustomerMessageMovesAPendingTicketBackToOpenWithoutCountingAReopening() {
        Ticket ticket = ticketIn(TicketStatus.PENDING);

        ticket.receiveFromCustomer(messageId(), body("Ecco i dati"), Channel.WEB, T0.plusSeconds(100));

        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.reopenedCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"NEW", "OPEN", "ON_HOLD"})
    void aCustomerMessageLeavesOtherUnsolvedStatusesAlone(TicketStatus status) {
        Ticket ticket = ticketIn(status);
        clearEvents(ticket);

        ticket.receiveFromCustomer(messageId(), body("Novità?"), Channel.WEB, T0.plusSeconds(100));

        assertThat(ticket.status()).isEqualTo(status);
        assertThat(events(ticket)).singleElement().isInstanceOf(MessageReceived.class);
    }

    @Test
    void aClosedTicketRefusesEveryChangeButAcceptsNotes() {
        Ticket ticket = ticketIn(TicketStatus.CLOSED);
        Instant later = T0.plusSeconds(500);
        clearEvents(ticket);

        List<Runnable> refused = List.of(
                () -> ticket.receiveFromCustomer(messageId(), body("x"), Channel.WEB, later),
                () -> ticket.replyAsAgent(messageId(), AGENT, body("x"), later),
                () -> ticket.changePriority(Priority.URGENT, later),
                () -> ticket.changeSubject("Altro", later),
                () -> ticket.assign(AGENT, GROUP, later),
                () -> ticket.retag(List.of("nuovo"), later),
                () -> ticket.changeStatus(TicketStatus.OPEN, later),
                () -> ticket.mergeInto(newTicket(), later));
        for (Runnable change : refused) {
            assertThatThrownBy(change::run).isInstanceOf(ConflictException.class);
        }
        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.priority()).isEqualTo(Priority.NORMAL);
        assertThat(ticket.subject()).isEqualTo("Stampante guasta");
        assertThat(ticket.assignee()).isEmpty();
        assertThat(ticket.tags()).containsExactly("stampa");
        assertThat(events(ticket)).isEmpty();

        Message note = ticket.addNote(messageId(), AGENT, body("Archiviato"), later);
        assertThat(note.internal()).isTrue();
        assertThat(note.ticketId()).isEqualTo(ticket.id());
        assertThat(ticket.updatedAt()).isEqualTo(later);
        assertThat(events(ticket))
                .as("a note is announced, for the desk's own screens")
                .containsExactly(new NoteAdded(ticket.id(), note.messageId(), AGENT, later));
    }

    @Test
    void mergingClosesTheSourceWithALinkAndTouchesBoth() {
        Ticket source = ticketIn(TicketStatus.OPEN);
        Ticket target = newTicket();
        clearEvents(source);
        clearEvents(target);
        Instant later = T0.plusSeconds(900);

        source.mergeInto(target, later);

        assertThat(source.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(source.mergedInto()).contains(target.id());
        assertThat(source.closedAt()).contains(later);
        assertThat(source.updatedAt()).isEqualTo(later);
        assertThat(target.updatedAt()).isEqualTo(later);
        assertThat(target.status()).isEqualTo(TicketStatus.NEW);
        assertThat(target.mergedInto()).isEmpty();
        assertThat(events(target)).as("the timeline records the target's side").isEmpty();
        assertThat(events(source)).hasSize(2);
        assertThat(events(source).get(0)).isInstanceOfSatisfying(TicketStatusChanged.class, e -> {
            assertThat(e.from()).isEqualTo(TicketStatus.OPEN);
            assertThat(e.to()).isEqualTo(TicketStatus.CLOSED);
        });
        assertThat(events(source).get(1)).isInstanceOfSatisfying(TicketMerged.class, e -> {
            assertThat(e.sourceId()).isEqualTo(source.id());
            assertThat(e.targetId()).isEqualTo(target.id());
            assertThat(e.occurredAt()).isEqualTo(later);
            assertThat(e.eventId()).isNotNull();
        });
    }

    @Test
    void aMergedTicketCannotBeReopenedOrMergedAgain() {
        Ticket source = newTicket();
        Ticket target = newTicket();
        source.mergeInto(target, T0.plusSeconds(1));

        assertThatThrownBy(() -> source.changeStatus(TicketStatus.OPEN, T0.plusSeconds(2)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> source.mergeInto(newTicket(), T0.plusSeconds(2)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("merged into " + target.id().value());
    }

    @Test
    void refusesMergingATicketIntoItself() {
        Ticket ticket = newTicket();
        clearEvents(ticket);

        assertThatThrownBy(() -> ticket.mergeInto(ticket, T0.plusSeconds(1)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("itself");
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(events(ticket)).isEmpty();
    }

    @Test
    void refusesMergingIntoAClosedTicket() {
        Ticket source = newTicket();
        Ticket closed = ticketIn(TicketStatus.CLOSED);
        clearEvents(source);

        assertThatThrownBy(() -> source.mergeInto(closed, T0.plusSeconds(1))).isInstanceOf(ConflictException.class);
        assertThat(source.status()).isEqualTo(TicketStatus.NEW);
        assertThat(source.mergedInto()).isEmpty();
        assertThat(events(source)).isEmpty();
    }

    @Test
    void aSolvedTicketCanBeMerged() {
        Ticket source = ticketIn(TicketStatus.SOLVED);
        Ticket target = newTicket();

        source.mergeInto(target, T0.plusSeconds(1));

        assertThat(source.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(source.mergedInto()).contains(target.id());
    }

    @Test
    void normalisesTagsToLowerCaseDashedAndDistinct() {
        Ticket ticket = new Ticket(
                new TicketId(ids.incrementAndGet()),
                "Tag",
                CUSTOMER,
                Channel.WEB,
                null,
                null,
                Arrays.asList(" VIP ", "vip", "Reso   Merce", "", "  ", null, "è-già", "ordine_1.2:a"),
                T0);

        assertThat(ticket.tags()).containsExactly("ordine_1.2:a", "reso-merce", "vip", "è-già");
        assertThat(ticket.priority()).as("no priority means normal").isEqualTo(Priority.NORMAL);
    }

    @Test
    void retaggingReplacesTheTagsAndANoOpChangesNothing() {
        Ticket ticket = newTicket();
        Instant before = ticket.updatedAt();

        ticket.retag(List.of("STAMPA"), T0.plusSeconds(1));
        assertThat(ticket.updatedAt()).as("same tags after normalising").isEqualTo(before);

        ticket.retag(List.of("fattura", "Reso merce"), T0.plusSeconds(2));
        assertThat(ticket.tags()).containsExactly("fattura", "reso-merce");
        assertThat(ticket.updatedAt()).isEqualTo(T0.plusSeconds(2));

        ticket.retag(List.of(), T0.plusSeconds(3));
        assertThat(ticket.tags()).isEmpty();
    }

    @Test
    void refusesInvalidTagsNamingTheField() {
        Ticket ticket = newTicket();

        assertThatThrownBy(() -> ticket.retag(List.of("ok", "non/valido"), T0.plusSeconds(1)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("tags"));
        assertThatThrownBy(() -> ticket.retag(List.of("x".repeat(Tags.MAX_LENGTH + 1)), T0.plusSeconds(1)))
                .isInstanceOf(InvalidInputException.class);
        List<String> tooMany = IntStream.rangeClosed(1, Tags.MAX_COUNT + 1)
                .mapToObj(i -> "t" + i)
                .toList();
        assertThatThrownBy(() -> ticket.retag(tooMany, T0.plusSeconds(1))).isInstanceOf(InvalidInputException.class);
        assertThat(ticket.tags()).as("a refused retag changes nothing").containsExactly("stampa");

        List<String> exactlyEnough = new ArrayList<>(tooMany.subList(0, Tags.MAX_COUNT));
        ticket.retag(exactlyEnough, T0.plusSeconds(2));
        assertThat(ticket.tags()).hasSize(Tags.MAX_COUNT);
    }

    @Test
    void tagsCannotBeChangedFromOutside() {
        Ticket ticket = newTicket();
        assertThatThrownBy(() -> ticket.tags().add("intruso")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void openingRegistersTicketCreated() {
        Ticket ticket =
                new Ticket(new TicketId(42), "Ciao", CUSTOMER, Channel.PHONE, Priority.HIGH, GROUP, List.of(), T0);

        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.group()).contains(GROUP);
        assertThat(ticket.createdAt()).isEqualTo(T0);
        assertThat(events(ticket))
                .singleElement()
                .isEqualTo(new TicketCreated(new TicketId(42), CUSTOMER, Channel.PHONE, Priority.HIGH, GROUP, T0));
    }

    @Test
    void onlyTheFirstWordOnATicketIsTheOpeningMessage() {
        Ticket ticket =
                new Ticket(new TicketId(43), "Ciao", CUSTOMER, Channel.EMAIL, Priority.NORMAL, null, List.of(), T0);
        clearEvents(ticket);

        ticket.receiveFromCustomer(messageId(), body("Il primo messaggio"), Channel.EMAIL, T0);
        ticket.receiveFromCustomer(messageId(), body("Aggiungo una cosa"), Channel.EMAIL, T0.plusSeconds(60));

        assertThat(events(ticket))
                .extracting(e -> ((MessageReceived) e).opening())
                .containsExactly(true, false);
    }

    @Test
    void aCustomerAnsweringTheDeskFirstDoesNotOpenTheTicket() {
        Ticket ticket =
                new Ticket(new TicketId(44), "Ciao", CUSTOMER, Channel.EMAIL, Priority.NORMAL, null, List.of(), T0);
        ticket.replyAsAgent(messageId(), AGENT, body("Le scriviamo per il suo ordine"), T0);
        clearEvents(ticket);

        ticket.receiveFromCustomer(messageId(), body("Grazie"), Channel.EMAIL, T0.plusSeconds(60));

        assertThat(events(ticket))
                .singleElement()
                .isInstanceOfSatisfying(
                        MessageReceived.class, e -> assertThat(e.opening()).isFalse());
    }

    @Test
    void assigningRegistersAnEventOnlyWhenSomethingChanges() {
        Ticket ticket = newTicket();
        clearEvents(ticket);

        ticket.assign(AGENT, GROUP, T0.plusSeconds(1));
        ticket.assign(AGENT, GROUP, T0.plusSeconds(2));
        ticket.assign(null, GROUP, T0.plusSeconds(3));

        assertThat(ticket.assignee()).isEmpty();
        assertThat(ticket.group()).contains(GROUP);
        assertThat(ticket.updatedAt()).isEqualTo(T0.plusSeconds(3));
        List<Object> events = events(ticket);
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(TicketAssigned.class));
        TicketAssigned first = (TicketAssigned) events.get(0);
        TicketAssigned back = (TicketAssigned) events.get(1);
        assertThat(first.assigneeId()).isEqualTo(AGENT);
        assertThat(first.groupId()).isEqualTo(GROUP);
        assertThat(first.occurredAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(back.assigneeId()).as("back to the group's queue").isNull();
        assertThat(back.eventId()).isNotEqualTo(first.eventId());
        assertThat(first.previousAssigneeId()).as("nobody had it").isNull();
        assertThat(back.previousAssigneeId()).as("whose load fell").isEqualTo(AGENT);
    }

    @Test
    void priorityAndSubjectChangesAreAnnouncedOnlyWhenSomethingChanged() {
        Ticket ticket = newTicket();
        clearEvents(ticket);

        ticket.changePriority(Priority.URGENT, T0.plusSeconds(1));
        ticket.changeSubject("Stampante in fiamme", T0.plusSeconds(2));
        ticket.changePriority(Priority.URGENT, T0.plusSeconds(3));

        assertThat(ticket.priority()).isEqualTo(Priority.URGENT);
        assertThat(ticket.subject()).isEqualTo("Stampante in fiamme");
        assertThat(ticket.updatedAt()).as("an unchanged priority is no change").isEqualTo(T0.plusSeconds(2));
        assertThat(events(ticket))
                .extracting(event -> ((TicketEdited) event).field())
                .containsExactly("priority", "subject");
    }

    @Test
    void everyStatusChangeHasItsOwnEventId() {
        Ticket ticket = newTicket();
        clearEvents(ticket);

        ticket.changeStatus(TicketStatus.OPEN, T0.plusSeconds(1));
        ticket.changeStatus(TicketStatus.PENDING, T0.plusSeconds(2));
        ticket.changeStatus(TicketStatus.OPEN, T0.plusSeconds(3));

        assertThat(events(ticket))
                .extracting(e -> ((TicketStatusChanged) e).eventId())
                .doesNotHaveDuplicates()
                .hasSize(3);
    }

    // --- helpers

    private Ticket newTicket() {
        return new Ticket(
                new TicketId(ids.incrementAndGet()),
                "Stampante guasta",
                CUSTOMER,
                Channel.WEB,
                Priority.NORMAL,
                null,
                List.of("stampa"),
                T0);
    }

    /** A ticket brought to {@code status} along legal moves. */
    private Ticket ticketIn(TicketStatus status) {
        Ticket ticket = newTicket();
        switch (status) {
            case NEW -> {}
            case OPEN, PENDING, ON_HOLD, SOLVED -> ticket.changeStatus(status, T0.plusSeconds(1));
            case CLOSED -> {
                ticket.changeStatus(TicketStatus.SOLVED, T0.plusSeconds(1));
                ticket.changeStatus(TicketStatus.CLOSED, T0.plusSeconds(2));
            }
        }
        assertThat(ticket.status()).isEqualTo(status);
        return ticket;
    }

    private MessageId messageId() {
        return new MessageId(ids.incrementAndGet());
    }

    private static SafeHtml body(String text) {
        return SafeHtml.fromPlainText(text);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> events(Ticket ticket) {
        return List.copyOf((Collection<Object>) ReflectionTestUtils.invokeMethod(ticket, "domainEvents"));
    }

    private static void clearEvents(Ticket ticket) {
        ReflectionTestUtils.invokeMethod(ticket, "clearDomainEvents");
    }
}
