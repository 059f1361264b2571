package it.sportello.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MessageRepository extends JpaRepository<Message, Long> {

    @Query(
            "select m from Message m where m.ticketId = :ticketId and (:withNotes = true or m.internal = false) order by m.createdAt, m.id")
    List<Message> conversation(Long ticketId, boolean withNotes);

    @Modifying
    @Query("update Message m set m.ticketId = :targetId where m.ticketId = :sourceId")
    int moveAll(Long sourceId, Long targetId);
}
