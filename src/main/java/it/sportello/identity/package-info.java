/**
 * Who may do what: users and their roles, agent groups, login (with a password, or for customers
 * with a one-time link by e-mail: {@link it.sportello.identity.MagicLinks}, {@link it.sportello.identity.SignIn}),
 * API tokens and the audit log of everything an admin does. Other modules ask it who the caller is
 * ({@link it.sportello.identity.CurrentUser}) and record their own sensitive actions through
 * {@link it.sportello.identity.AuditLog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package it.sportello.identity;
