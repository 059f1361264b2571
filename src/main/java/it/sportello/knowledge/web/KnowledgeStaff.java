package it.sportello.knowledge.web;

import it.sportello.identity.AuditLog;
import it.sportello.identity.CurrentUser;
import it.sportello.identity.Role;
import it.sportello.identity.User;
import it.sportello.identity.UserId;
import it.sportello.identity.UserManagement;
import it.sportello.shared.SupportedLocale;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the knowledge editor's pages share: who may change what, the people who can own an entry,
 * the audit line every change leaves, and the one-line notice after a save.
 *
 * <p>Rights: every agent reads the whole knowledge base and may write drafts (an agent turning a
 * ticket into an FAQ proposes it); publishing, changing what is published, deleting, categories
 * and synonyms are for supervisors and admins.
 */
@Component
class KnowledgeStaff {

    /** A person who can own an entry or article. */
    record Person(long id, String name) {}

    private final UserManagement users;
    private final AuditLog audit;
    private final MessageSource messages;

    KnowledgeStaff(UserManagement users, AuditLog audit, MessageSource messages) {
        this.users = users;
        this.audit = audit;
        this.messages = messages;
    }

    static boolean mayPublish(CurrentUser user) {
        return user.hasAtLeast(Role.SUPERVISOR);
    }

    static void requireSupervisor(CurrentUser user) {
        if (!mayPublish(user)) {
            throw new AccessDeniedException("Only supervisors may do this");
        }
    }

    static SupportedLocale language() {
        return SupportedLocale.fromCode(LocaleContextHolder.getLocale().getLanguage())
                .orElse(SupportedLocale.IT);
    }

    List<Person> owners() {
        return users.activeStaff().stream()
                .map(u -> new Person(u.id().value(), u.displayName()))
                .toList();
    }

    /** Display names of these user ids (unknown ids are left out). */
    Map<Long, String> names(Collection<Long> ids) {
        return users
                .findAll(ids.stream().filter(Objects::nonNull).map(UserId::new).collect(Collectors.toSet()))
                .values()
                .stream()
                .collect(Collectors.toMap(u -> u.id().value(), User::displayName));
    }

    void audit(String action, String target, String details) {
        audit.record(action, target, details);
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    void flash(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("notice", text(key, arguments));
    }
}
