package it.sportello.channel.email.outbound;

import org.springframework.data.jpa.repository.JpaRepository;

interface EmailThreadRepository extends JpaRepository<EmailThread, Long> {}
