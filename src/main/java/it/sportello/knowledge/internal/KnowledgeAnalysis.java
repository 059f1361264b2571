package it.sportello.knowledge.internal;

import it.sportello.knowledge.LanguageAnalyzers;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Gives the search index its Italian and English analyzers (named as the entities' fields ask).
 * Hibernate Search instantiates it from {@code hibernate.search.backend.analysis.configurer}.
 */
public class KnowledgeAnalysis implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer("italian").instance(LanguageAnalyzers.italian());
        context.analyzer("english").instance(LanguageAnalyzers.english());
    }
}
