/**
 * Live chat: a visitor talks first to the bot, which answers from the FAQ database, and then to a
 * person. Every chat is a ticket on channel {@code chat} whose messages are the transcript; the
 * chat's own numbered lines let a client that reconnects ask for exactly what it missed. Messages
 * travel over STOMP on WebSocket, through RabbitMQ's STOMP relay when several nodes share the work.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live chat")
package it.sportello.channel.chat;
