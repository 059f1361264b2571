package it.sportello.channel.chat.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends to STOMP subscribers, on this node's broker or through the relay to every node, and only
 * once the change is committed: a client is never told of a line it could not then read back.
 * Plain synchronisations rather than transactional event listeners: a push to a screen is not worth
 * a durable event publication per line (a client that missed one catches up from the transcript).
 */
@Component
public class ChatBroadcaster {

    /** Where staff workspaces hear that the queue or a chat changed. */
    public static final String DESK = "/topic/chats.desk";

    private static final String CONVERSATION = "/topic/chat.";

    // Lazily: the broker's template is made by the WebSocket configuration, which needs the chat's
    // gatekeeper, which needs the chats, which need this.
    private final ObjectProvider<SimpMessageSendingOperations> broker;

    ChatBroadcaster(ObjectProvider<SimpMessageSendingOperations> broker) {
        this.broker = broker;
    }

    public static String conversation(long chatId) {
        return CONVERSATION + chatId;
    }

    /** The chat id a conversation destination names, or -1 when it names none. */
    public static long chatOf(String destination) {
        if (destination == null || !destination.startsWith(CONVERSATION)) {
            return -1;
        }
        try {
            return Long.parseLong(destination.substring(CONVERSATION.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public void toChat(long chatId, Object signal) {
        afterCommit(conversation(chatId), signal);
    }

    public void toDesk(Object signal) {
        afterCommit(DESK, signal);
    }

    private void afterCommit(String destination, Object payload) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            broker.getObject().convertAndSend(destination, payload);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                broker.getObject().convertAndSend(destination, payload);
            }
        });
    }
}
