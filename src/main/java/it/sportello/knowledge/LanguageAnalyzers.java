package it.sportello.knowledge;

import it.sportello.shared.SupportedLocale;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * How customers' words are reduced to searchable terms in each language: Lucene's Italian and
 * English chains (elision, stop words, light stemming, so "rimborsi" meets "rimborso"), with
 * accents folded so "perche" finds "perché". The help center's index and the bot share them.
 */
public final class LanguageAnalyzers {

    /** Italian elided articles and prepositions: "dell'ordine" is searched as "ordine". */
    private static final CharArraySet ITALIAN_ELISIONS = new CharArraySet(
            Arrays.asList(
                    "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl",
                    "negl", "sugl", "un", "m", "t", "s", "v", "d", "po", "quell", "quest", "nessun", "qual"),
            true);

    private LanguageAnalyzers() {}

    /** A new analyzer for the language; analyzers hold per-thread state and may be shared. */
    public static Analyzer forLocale(SupportedLocale locale) {
        return locale == SupportedLocale.EN ? english() : italian();
    }

    /** The analyzer of a language code ("it", "en"); Italian for anything else, as everywhere. */
    public static Analyzer forCode(String code) {
        return forLocale(SupportedLocale.fromCode(code).orElse(SupportedLocale.IT));
    }

    public static Analyzer italian() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream result = new ElisionFilter(source, ITALIAN_ELISIONS);
                result = new LowerCaseFilter(result);
                result = new StopFilter(result, ItalianAnalyzer.getDefaultStopSet());
                result = new ASCIIFoldingFilter(result);
                result = new ItalianLightStemFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    public static Analyzer english() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new LowerCaseFilter(result);
                result = new StopFilter(result, EnglishAnalyzer.getDefaultStopSet());
                result = new ASCIIFoldingFilter(result);
                result = new PorterStemFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }
}
