package it.sportello.routing.web;

import it.sportello.identity.CurrentUser;
import it.sportello.identity.Role;
import it.sportello.routing.AgentProfile;
import it.sportello.routing.Queues;
import it.sportello.routing.RoutingSetup;
import it.sportello.routing.TicketRouter;
import it.sportello.shared.InvalidInputException;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Ticket;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's queues page: the waiting tickets of their groups, most urgent first, "take the next
 * one", and their own availability per channel and capacity.
 */
@Controller
@RequestMapping("/queues")
@PreAuthorize("hasRole('AGENT')")
class QueuesController {

    private static final int SHOWN = 25;

    private final Queues queues;
    private final TicketRouter router;
    private final RoutingSetup setup;
    private final DueLabels due;

    QueuesController(Queues queues, TicketRouter router, RoutingSetup setup, DueLabels due) {
        this.queues = queues;
        this.router = router;
        this.setup = setup;
        this.due = due;
    }

    /** A waiting ticket as a row of the queue. */
    record QueuedRow(long id, String subject, String channel, String priority, Instant createdAt, DueLabels.Due due) {}

    /** A group's queue as the page shows it. */
    record QueueSection(long groupId, String name, String strategy, long waiting, List<QueuedRow> rows) {}

    @GetMapping
    String page(
            @RequestParam(defaultValue = "false") boolean all,
            @AuthenticationPrincipal CurrentUser viewer,
            Model model) {
        AgentProfile profile = setup.profile(viewer.id());
        model.addAttribute(
                "availabilityForm",
                new AvailabilityForm(List.copyOf(profile.availableOn()), String.valueOf(profile.capacity())));
        return show(all, viewer, model);
    }

    /** The queues alone, for the page's periodic refresh (htmx). */
    @GetMapping("/list")
    String list(
            @RequestParam(defaultValue = "false") boolean all,
            @AuthenticationPrincipal CurrentUser viewer,
            Model model) {
        model.addAttribute("sections", sections(all, viewer));
        model.addAttribute("all", all);
        return "routing/queues :: queues";
    }

    @PostMapping("/next")
    String takeNext(@AuthenticationPrincipal CurrentUser viewer, RedirectAttributes redirect) {
        Optional<Ticket> taken = router.takeNext(viewer);
        if (taken.isPresent()) {
            return "redirect:/tickets/" + taken.get().id().value();
        }
        redirect.addFlashAttribute("nothingWaiting", true);
        return "redirect:/queues";
    }

    @PostMapping("/availability")
    String saveAvailability(
            @ModelAttribute("availabilityForm") AvailabilityForm form,
            BindingResult errors,
            @RequestParam(defaultValue = "false") boolean all,
            @AuthenticationPrincipal CurrentUser viewer,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Integer capacity = capacity(form.capacity(), errors);
        if (!errors.hasErrors()) {
            try {
                setup.changeProfile(
                        viewer.id(),
                        new RoutingSetup.ProfileChanges(
                                null,
                                form.availableOn() == null || form.availableOn().isEmpty()
                                        ? EnumSet.noneOf(Channel.class)
                                        : EnumSet.copyOf(form.availableOn()),
                                capacity,
                                null),
                        viewer);
                redirect.addFlashAttribute("availabilitySaved", true);
                return "redirect:/queues" + (all ? "?all=true" : "");
            } catch (InvalidInputException e) {
                e.fieldErrors().keySet().forEach(field -> errors.rejectValue(field, "routing.error." + field));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return show(all, viewer, model);
    }

    private String show(boolean all, CurrentUser viewer, Model model) {
        model.addAttribute("sections", sections(all, viewer));
        model.addAttribute("all", all);
        model.addAttribute("supervisor", viewer.hasAtLeast(Role.SUPERVISOR));
        model.addAttribute("channels", setup.routedChannels().stream().sorted().toList());
        model.addAttribute("load", setup.loads(List.of(viewer.id())).getOrDefault(viewer.id(), 0L));
        // The saved capacity, not the one being typed: the sentence says what routing counts with now.
        model.addAttribute("capacity", setup.profile(viewer.id()).capacity());
        return "routing/queues";
    }

    private List<QueueSection> sections(boolean all, CurrentUser viewer) {
        return queues.of(viewer, all, SHOWN).stream()
                .map(q -> new QueueSection(
                        q.group().id().value(),
                        q.group().name(),
                        q.strategy().code(),
                        q.waiting(),
                        q.tickets().stream()
                                .map(t -> new QueuedRow(
                                        t.id().value(),
                                        t.subject(),
                                        t.channel().code(),
                                        t.priority().code(),
                                        t.createdAt(),
                                        due.of(t.slaDueAt().orElse(null))))
                                .toList()))
                .toList();
    }

    static Integer capacity(String typed, BindingResult errors) {
        try {
            int capacity = Integer.parseInt(typed == null ? "" : typed.trim());
            if (capacity >= 1 && capacity <= AgentProfile.MAX_CAPACITY) {
                return capacity;
            }
        } catch (NumberFormatException e) {
            // reported below, as any capacity out of range
        }
        errors.rejectValue("capacity", "routing.error.capacity");
        return null;
    }
}
