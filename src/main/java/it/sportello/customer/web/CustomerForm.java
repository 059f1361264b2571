package it.sportello.customer.web;

import it.sportello.customer.JourneyStage;
import it.sportello.shared.SupportedLocale;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A customer to create or (with absent fields left alone) to change. */
record CustomerForm(
        @Size(max = 200) String name,
        @Size(max = 20) List<@NotBlank @Email @Size(max = 254) String> emails,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = PHONE, message = "is not a phone number") String> phones,
        @Size(max = 200) String organisation,
        SupportedLocale locale,
        JourneyStage journeyStage) {

    /** Digits with the usual separators, 6 to 15 digits in all (E.164), optionally international. */
    static final String PHONE = "^(\\+|00)?[0-9 ()./-]{6,25}$";
}
