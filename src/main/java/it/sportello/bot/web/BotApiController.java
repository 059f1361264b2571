package it.sportello.bot.web;

import it.sportello.bot.BotAnswer;
import it.sportello.bot.BotEngine;
import it.sportello.bot.BotStatus;
import it.sportello.shared.InvalidInputException;
import it.sportello.shared.SupportedLocale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The bot for integrators and the desk: ask it a question, see whether it is ready. */
@RestController
@RequestMapping("/api/v1/bot")
@PreAuthorize("hasRole('AGENT')")
class BotApiController {

    private final BotEngine engine;

    BotApiController(BotEngine engine) {
        this.engine = engine;
    }

    /** A customer's question and its language ({@code it} or {@code en}). */
    record Question(String text, String locale) {}

    @PostMapping("/answer")
    BotAnswer answer(@RequestBody Question question) {
        if (question.locale() == null || question.locale().strip().length() != 2) {
            throw new InvalidInputException("locale", "the question's language: it or en");
        }
        SupportedLocale locale = SupportedLocale.fromCode(question.locale())
                .orElseThrow(() -> new InvalidInputException("locale", "unknown locale; one of it, en"));
        return engine.answer(question.text(), locale);
    }

    @GetMapping("/status")
    BotStatus status() {
        return engine.status();
    }
}
