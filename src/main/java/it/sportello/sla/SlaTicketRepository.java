package it.sportello.sla;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SlaTicketRepository extends JpaRepository<SlaTicket, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from SlaTicket t where t.ticketId = :ticketId")
    Optional<SlaTicket> findForUpdate(Long ticketId);
}
