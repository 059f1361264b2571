package it.sportello.ticket;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    List<Attachment> findByMessageIdInOrderById(Collection<Long> messageIds);

    @Modifying
    @Query("update Attachment a set a.ticketId = :targetId where a.ticketId = :sourceId")
    int moveAll(Long sourceId, Long targetId);
}
