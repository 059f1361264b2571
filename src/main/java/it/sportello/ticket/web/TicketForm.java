package it.sportello.ticket.web;

import it.sportello.shared.SupportedLocale;
import it.sportello.ticket.Channel;
import it.sportello.ticket.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new ticket as the API takes it. Customers may leave out {@code customer}: it is themselves. */
record TicketForm(
        @NotBlank @Size(max = 250) String subject,
        @Valid CustomerRef customer,
        @NotNull @Valid MessageForm message,
        Channel channel,
        Priority priority,
        @Size(max = 30) List<@Size(max = 50) String> tags,
        @Positive Long groupId,
        @Positive Long assigneeId) {

    /** The requester: an existing customer's id, or an address to find or create them by. */
    record CustomerRef(
            @Positive Long id,
            @Email @Size(max = 254) String email,
            @Size(max = 30) String phone,
            @Size(max = 200) String name,
            SupportedLocale locale) {}
}
