package it.sportello.channel.chat;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every minute, on one node, chats the bot had that went quiet are ended (their tickets solved). */
@Configuration(proxyBeanMethods = false)
class ChatSchedule {

    @Bean
    RecurringTask<Void> chatQuietBotChatsTask(
            Chats chats, Clock clock, @Value("${sportello.chat.bot-chat-idle:30m}") Duration idle) {
        return Tasks.recurring("chat-quiet-bot-chats", FixedDelay.of(Duration.ofMinutes(1)))
                .execute((instance, context) ->
                        chats.endQuietBotChats(clock.instant().minus(idle)));
    }
}
