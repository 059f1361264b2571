package it.sportello.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every text exists in Italian and in English: the two bundles of each area have the same keys. */
class MessageBundleTests {

    static Stream<String> areas() throws IOException {
        Resource[] italian = new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*_it.properties");
        return Stream.of(italian).map(r -> r.getFilename().replace("_it.properties", ""));
    }

    @ParameterizedTest
    @MethodSource("areas")
    void italianAndEnglishHaveTheSameKeys(String area) {
        Set<String> italian = keys(area + "_it");
        Set<String> english = keys(area + "_en");

        assertThat(new TreeSet<>(english)).as("keys of %s in English", area).isEqualTo(new TreeSet<>(italian));
        assertThat(italian)
                .as("texts of %s", area)
                .allSatisfy(key -> assertThat(text(area + "_it", key)).as(key).isNotBlank());
    }

    private static Set<String> keys(String bundle) {
        return load(bundle).stringPropertyNames();
    }

    private static String text(String bundle, String key) {
        return load(bundle).getProperty(key);
    }

    private static Properties load(String bundle) {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleTests.class.getResourceAsStream("/i18n/" + bundle + ".properties")) {
            assertThat(in).as(bundle + " exists").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
