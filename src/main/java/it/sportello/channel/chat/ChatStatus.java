package it.sportello.channel.chat;

/**
 * A chat as its visitor sees it: where it is, the place in the queue and an estimate of the wait
 * (null when the desk has no finished chats yet to estimate from), the person who has it, whether
 * a person can be reached now ({@code offline}: leave a message instead) and whether the desk wants
 * a name and address before handing over.
 */
public record ChatStatus(
        long chatId,
        ChatState state,
        Integer position,
        Integer waitMinutes,
        String agentName,
        boolean offline,
        boolean contactNeeded,
        int lastSeq) {}
