/**
 * The help center: the FAQ database (entries with an answer and the ways customers ask, per
 * language) and longer articles, their public pages and search, "was this helpful?" feedback and
 * the report of what readers could not find. The bot answers from the same FAQ database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
package it.sportello.knowledge;
