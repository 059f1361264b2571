package it.sportello.automation;

import org.springframework.data.jpa.repository.JpaRepository;

interface AcknowledgementTemplateRepository extends JpaRepository<AcknowledgementTemplate, String> {}
