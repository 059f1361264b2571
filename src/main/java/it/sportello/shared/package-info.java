/**
 * The few types every module needs: the clock, the error types that map to HTTP problems, safe
 * HTML and the supported locales. Kept tiny on purpose: a type belongs here only when two or more
 * modules would otherwise each write it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package it.sportello.shared;
