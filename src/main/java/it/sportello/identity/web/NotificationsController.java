package it.sportello.identity.web;

import it.sportello.identity.CurrentUser;
import it.sportello.identity.Notification;
import it.sportello.identity.Notifications;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The bell in the top bar and the page of one's notices: an escalation, an automation's "notify". */
@Controller
@PreAuthorize("hasRole('AGENT')")
class NotificationsController {

    static final String PAGE = "identity/notifications/list";
    static final int LATEST = 50;

    private final Notifications notifications;
    private final MessageSource messages;

    NotificationsController(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @GetMapping("/notifications")
    String list(CurrentUser viewer, Locale locale, Model model) {
        model.addAttribute(
                "notices",
                notifications.latest(viewer.id(), LATEST).stream()
                        .map(n -> NotificationView.of(n, messages, locale))
                        .toList());
        model.addAttribute("unread", notifications.unread(viewer.id()));
        return PAGE;
    }

    /** The number of unread notices, for the bell on every staff page (polled). */
    @GetMapping("/notifications/badge")
    String badge(CurrentUser viewer, Model model) {
        model.addAttribute("unread", notifications.unread(viewer.id()));
        return PAGE + " :: badge(trigger='every 30s', unread=${unread})";
    }

    /** Opens what a notice is about, and counts it read; another person's notice is "not found". */
    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable long id, CurrentUser viewer) {
        Notification notice = notifications.markRead(viewer.id(), id);
        return "redirect:"
                + notice.link().filter(NotificationsController::isLocalPath).orElse("/notifications");
    }

    @PostMapping("/notifications/read")
    String readAll(CurrentUser viewer) {
        notifications.markAllRead(viewer.id());
        return "redirect:/notifications";
    }

    /** Links are paths inside the desk; anything else (another site, a scheme) is never followed. */
    static boolean isLocalPath(String link) {
        return link.startsWith("/") && !link.startsWith("//") && !link.contains("\\");
    }
}
