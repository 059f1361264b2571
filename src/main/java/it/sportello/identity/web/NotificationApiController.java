package it.sportello.identity.web;

import it.sportello.identity.CurrentUser;
import it.sportello.identity.Notification;
import it.sportello.identity.Notifications;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notices for integrations and apps; texts in the language the request asks for. */
@RestController
@RequestMapping("/api/v1/notifications")
@PreAuthorize("hasRole('AGENT')")
class NotificationApiController {

    private final Notifications notifications;
    private final MessageSource messages;

    NotificationApiController(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    record NotificationList(List<NotificationView> items, long unread) {}

    @GetMapping
    NotificationList list(CurrentUser viewer, @RequestParam(defaultValue = "50") int limit, Locale locale) {
        int size = Math.clamp(limit, 1, 100);
        List<NotificationView> items = notifications.latest(viewer.id(), size).stream()
                .map(n -> view(n, locale))
                .toList();
        return new NotificationList(items, notifications.unread(viewer.id()));
    }

    @PostMapping("/{id}/read")
    NotificationView read(@PathVariable long id, CurrentUser viewer, Locale locale) {
        return view(notifications.markRead(viewer.id(), id), locale);
    }

    @PostMapping("/read")
    NotificationList readAll(CurrentUser viewer, Locale locale) {
        notifications.markAllRead(viewer.id());
        return list(viewer, 50, locale);
    }

    private NotificationView view(Notification n, Locale locale) {
        return NotificationView.of(n, messages, locale);
    }
}
