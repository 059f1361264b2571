package it.sportello.shared.web;

import it.sportello.shared.EnumCodes;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters name enum values the way the JSON does ({@code status=on_hold}, {@code role=agent}):
 * case does not matter. An unknown value is a 400 naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
class EnumParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new LenientEnumConverterFactory());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class LenientEnumConverterFactory implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            return source -> {
                String wanted = source.trim().replace('-', '_');
                return wanted.isEmpty() ? null : (T) EnumCodes.parse((Class) targetType, wanted, "value");
            };
        }
    }
}
