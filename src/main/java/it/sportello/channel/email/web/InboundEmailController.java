package it.sportello.channel.email.web;

import it.sportello.channel.email.EmailIntake;
import it.sportello.channel.email.EmailIntake.IntakeResult;
import it.sportello.channel.email.inbound.InboundLedger.InboundRecord;
import it.sportello.channel.email.inbound.InboundRoutes;
import it.sportello.channel.email.inbound.InboundStatus;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The raw-MIME intake for mail servers (a postfix pipe, fetchmail, an MTA webhook) and the list of
 * messages that failed, for admins and integration tokens. A message is accepted (202) the first
 * time, recognised (200, same ticket) when delivered again, and kept as failed (202, status
 * "failed") when it cannot be read: never a 500, never dropped.
 */
@RestController
@RequestMapping("/api/v1/channels/email/inbound")
@PreAuthorize("hasRole('ADMIN')")
class InboundEmailController {

    private final EmailIntake intake;
    private final InboundRoutes routes;

    InboundEmailController(EmailIntake intake, InboundRoutes routes) {
        this.intake = intake;
        this.routes = routes;
    }

    record IntakeView(long intakeId, Long ticketId, String status, String reason) {
        static IntakeView of(IntakeResult result) {
            return new IntakeView(result.intakeId(), result.ticketId(), code(result.status()), result.reason());
        }
    }

    record InboundView(
            long id,
            String route,
            String messageId,
            long size,
            String status,
            String reason,
            Long ticketId,
            boolean automatic,
            Instant receivedAt,
            Instant processedAt) {
        static InboundView of(InboundRecord record) {
            return new InboundView(
                    record.id(),
                    record.routeKey(),
                    record.messageId(),
                    record.size(),
                    code(record.status()),
                    record.failureReason(),
                    record.ticketId(),
                    record.automatic(),
                    record.receivedAt(),
                    record.processedAt());
        }
    }

    @PostMapping(consumes = "message/rfc822")
    ResponseEntity<IntakeView> receive(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > intake.maxMessageSize()) {
            throw new PayloadTooLargeException("The message is larger than " + intake.maxMessageSize() + " bytes");
        }
        IntakeResult result;
        try (InputStream body = request.getInputStream()) {
            result = intake.accept(routes.pipe(), body);
        }
        return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(IntakeView.of(result));
    }

    @GetMapping
    List<InboundView> list(
            @RequestParam(defaultValue = "failed") String status, @RequestParam(defaultValue = "100") int limit) {
        InboundStatus wanted;
        try {
            wanted = InboundStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "one of received, processed, failed, ignored");
        }
        return intake.withStatus(wanted, Math.clamp(limit, 1, 500)).stream()
                .map(InboundView::of)
                .toList();
    }

    @GetMapping("/{id}")
    InboundView one(@PathVariable long id) {
        return intake.find(id).map(InboundView::of).orElseThrow(() -> new NotFoundException("Inbound e-mail", id));
    }

    @PostMapping("/{id}/replay")
    IntakeView replay(@PathVariable long id) {
        return IntakeView.of(intake.replay(id));
    }

    private static String code(InboundStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
