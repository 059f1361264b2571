/**
 * The bot's answer engine: it learns the FAQ database's question variants (sentence embeddings,
 * a softmax head and Lucene BM25 in the customer's language) and answers a customer's question
 * with an entry and a calibrated confidence, handing over to a person when unsure.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bot")
package it.sportello.bot;
