package it.sportello.bot.web;

import it.sportello.bot.BotAnswer;
import it.sportello.bot.BotEngine;
import it.sportello.bot.BotLearning;
import it.sportello.bot.BotProposal;
import it.sportello.bot.BotStatus;
import it.sportello.bot.OutOfScopeExamples;
import it.sportello.identity.CurrentUser;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.SupportedLocale;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The bot for integrators and the desk: ask it a question, see whether it is ready. */
@RestController
@RequestMapping("/api/v1/bot")
@PreAuthorize("hasRole('AGENT')")
class BotApiController {

    private final BotEngine engine;
    private final BotLearning learning;
    private final OutOfScopeExamples examples;

    BotApiController(BotEngine engine, BotLearning learning, OutOfScopeExamples examples) {
        this.engine = engine;
        this.learning = learning;
        this.examples = examples;
    }

    /**
     * A customer's question and its language ({@code it} or {@code en}); {@code ticketId}, when
     * the question belongs to a ticket, lets a hand-off teach the bot once an agent answers it.
     */
    record Question(String text, String locale, Long ticketId) {}

    @PostMapping("/answer")
    BotAnswer answer(@RequestBody Question question) {
        SupportedLocale locale = locale(question.locale());
        BotAnswer answer = engine.answer(question.text(), locale);
        if (answer.handoff() && question.ticketId() != null) {
            learning.handedOff(question.ticketId(), locale, question.text());
        }
        return answer;
    }

    @GetMapping("/proposals")
    List<BotProposal> proposals(@RequestParam(defaultValue = "pending") String status) {
        if (!List.of("pending", "accepted", "rejected").contains(status)) {
            throw new InvalidInputException("status", "pending, accepted or rejected");
        }
        return learning.proposals(status);
    }

    @PostMapping("/proposals/{id}/accept")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<Void> accept(@PathVariable long id, CurrentUser supervisor) {
        learning.accept(id, supervisor.displayName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/proposals/{id}/reject")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<Void> reject(@PathVariable long id, CurrentUser supervisor) {
        learning.reject(id, supervisor.displayName());
        return ResponseEntity.noContent().build();
    }

    /** An example of a question the FAQ does not answer. */
    record ExampleForm(String text, String locale) {}

    @GetMapping("/out-of-scope")
    List<OutOfScopeExamples.Example> outOfScope() {
        return examples.all();
    }

    @PostMapping("/out-of-scope")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<OutOfScopeExamples.Example> addOutOfScope(@RequestBody ExampleForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(examples.add(locale(form.locale()), form.text()));
    }

    @DeleteMapping("/out-of-scope/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<Void> removeOutOfScope(@PathVariable long id) {
        examples.remove(id);
        return ResponseEntity.noContent().build();
    }

    private static SupportedLocale locale(String code) {
        if (code == null || code.strip().length() != 2) {
            throw new InvalidInputException("locale", "the question's language: it or en");
        }
        return SupportedLocale.fromCode(code)
                .orElseThrow(() -> new InvalidInputException("locale", "unknown locale; one of it, en"));
    }

    @GetMapping("/status")
    BotStatus status() {
        return engine.status();
    }
}
