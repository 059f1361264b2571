/**
 * The ways customers reach the desk. Each transport is a nested module of its own
 * ({@code channel.form}, later {@code channel.email}, {@code channel.chat}), turning what arrives
 * into tickets through the ticket module's public API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package it.sportello.channel;
