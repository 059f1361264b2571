package it.sportello.bot;

import it.sportello.bot.internal.BotTrainer;
import it.sportello.bot.internal.EmbeddingCache;
import it.sportello.bot.internal.SentenceEncoder;
import it.sportello.bot.internal.SharedEncoderModel;
import it.sportello.knowledge.LanguageAnalyzers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bot's parts: the sentence encoder (model loaded on first use) and the trainer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BotSettings.class)
class BotConfiguration {

    @Bean
    SentenceEncoder sentenceEncoder() {
        return new SentenceEncoder(SharedEncoderModel::get, new EmbeddingCache());
    }

    @Bean
    BotTrainer botTrainer(SentenceEncoder encoder) {
        return new BotTrainer(encoder, LanguageAnalyzers::forCode);
    }
}
