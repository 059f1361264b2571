package it.sportello.sla;

import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The policies and calendars as every ticket event's clocks use them, kept between events and read
 * again only when a policy or calendar has changed (see {@link ConfigurationSnapshot}): one small
 * query per event instead of reading and converting both tables.
 */
@Component
class ServiceLevelSettings {

    /** The policies in the order they are tried, and the calendars as time is counted on them. */
    record Current(List<SlaPolicy> policies, Calendars.CountingCalendars calendars) {

        /**
         * The first policy whose conditions hold for a ticket like this, else the catch-all; the
         * requester's organisation is asked for only when a policy names organisations.
         */
        SlaPolicy applicableTo(
                Channel channel, Priority priority, Supplier<Long> organisation, Collection<String> tags) {
            Long requesterOrganisation =
                    policies.stream().anyMatch(p -> p.rules().namesOrganisations()) ? organisation.get() : null;
            return policies.stream()
                    .filter(p -> p.isCatchAll() || p.rules().matches(channel, priority, requesterOrganisation, tags))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No catch-all SLA policy is stored"));
        }

        /** The policy with this id, if still stored. */
        Optional<SlaPolicy> policy(long id) {
            return policies.stream().filter(p -> p.id().value() == id).findFirst();
        }
    }

    private final ConfigurationSnapshot<Current> snapshot;

    ServiceLevelSettings(SlaPolicyRepository policies, ServiceCalendarRepository calendars, JdbcTemplate jdbc) {
        this.snapshot = new ConfigurationSnapshot<>(
                jdbc,
                () -> new Current(
                        List.copyOf(policies.findAllByOrderByCatchAllAscPositionAscIdAsc()),
                        Calendars.CountingCalendars.of(calendars.findAll())),
                "sla_policy",
                "sla_calendar");
    }

    Current current() {
        return snapshot.get();
    }
}
