package it.sportello.bot.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Lucene BM25 over the question variants of one language, in memory: the lexical half of the
 * bot. For a question it gives each entry the score of its best-matching variant, relative to
 * the best match overall (so 1.0 for the top entry, 0 for entries with no word in common).
 */
final class LexicalIndex {

    private static final int CANDIDATES = 30;

    private final Analyzer analyzer;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int[] labelOfDoc;

    LexicalIndex(Analyzer analyzer, List<String> texts, int[] labels) {
        this.analyzer = analyzer;
        this.labelOfDoc = labels.clone();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer =
                new IndexWriter(directory, new IndexWriterConfig(analyzer).setMergePolicy(new LogDocMergePolicy()))) {
            for (int i = 0; i < texts.size(); i++) {
                Document document = new Document();
                document.add(new TextField("text", texts.get(i), Field.Store.NO));
                writer.addDocument(document);
            }
            // Merged into one segment by a policy that only joins neighbours, documents keep the order
            // they were added in: a hit's doc id is its row, so answering reads no stored fields.
            writer.forceMerge(1);
            writer.commit();
            this.reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.searcher = new IndexSearcher(reader);
    }

    /** Adds to {@code scores[label]} weight × the label's relative BM25 score for this question. */
    void score(String question, float weight, float[] scores) {
        Query query = parse(question);
        if (query == null) {
            return;
        }
        try {
            TopDocs top = searcher.search(query, CANDIDATES);
            if (top.scoreDocs.length == 0) {
                return;
            }
            float best = top.scoreDocs[0].score;
            float[] perLabel = new float[scores.length];
            for (ScoreDoc hit : top.scoreDocs) {
                int label = labelOfDoc[hit.doc];
                perLabel[label] = Math.max(perLabel[label], hit.score / best);
            }
            for (int label = 0; label < scores.length; label++) {
                scores[label] += weight * perLabel[label];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query parse(String question) {
        // Lower case first: the parser would read a customer's "NOT" or "OR" as operators.
        String escaped = QueryParser.escape(question.toLowerCase(java.util.Locale.ROOT));
        if (escaped.isBlank()) {
            return null;
        }
        try {
            QueryParser parser = new QueryParser("text", analyzer);
            Query query = parser.parse(escaped);
            return query instanceof BooleanQuery bool && bool.clauses().isEmpty() ? null : query;
        } catch (ParseException | IndexSearcher.TooManyClauses e) {
            return null;
        }
    }
}
