package it.sportello.channel.chat;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ChatRepository extends JpaRepository<Chat, Long> {

    /** Writers to one chat take turns on its row: its line numbers must follow one another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Chat c where c.id = ?1")
    Optional<Chat> findByIdForUpdate(long id);

    List<Chat> findByStateOrderByWaitingSinceAscIdAsc(ChatState state);

    List<Chat> findByStateInOrderByIdDesc(Collection<ChatState> states);

    List<Chat> findByAgentIdAndStateOrderByAcceptedAtAsc(Long agentId, ChatState state);

    long countByAgentIdAndState(Long agentId, ChatState state);

    Optional<Chat> findFirstByTicketIdOrderByIdDesc(Long ticketId);

    List<Chat> findTop50ByStateAndAcceptedAtIsNotNullAndEndedAtAfterOrderByEndedAtDesc(ChatState state, Instant after);
}
