package it.sportello.channel.chat;

/**
 * What the desk pushes to a chat's subscribers (visitor and agents) and to staff workspaces, as
 * JSON with a {@code type}: {@code line} (a new line, stored), {@code status} (state, queue place,
 * wait), {@code typing} (someone is writing; not stored), {@code rejected} (the sender's message with
 * this client id was refused, and why), {@code desk} (the queue changed: the waiting count).
 */
public sealed interface ChatSignal {

    String type();

    record Line(String type, ChatLine line) implements ChatSignal {
        public Line(ChatLine line) {
            this("line", line);
        }
    }

    record Status(String type, ChatStatus status) implements ChatSignal {
        public Status(ChatStatus status) {
            this("status", status);
        }
    }

    record Typing(String type, ChatAuthor author, String name, boolean typing) implements ChatSignal {
        public Typing(ChatAuthor author, String name, boolean typing) {
            this("typing", author, name, typing);
        }
    }

    record Rejected(String type, String clientId, String reason) implements ChatSignal {
        public Rejected(String clientId, String reason) {
            this("rejected", clientId, reason);
        }
    }

    record Desk(String type, int waiting, long chatId) implements ChatSignal {
        public Desk(int waiting, long chatId) {
            this("desk", waiting, chatId);
        }
    }
}
