package it.sportello.shared.web;

import it.sportello.shared.SupportedLocale;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The page language: {@code ?lang=it|en} (remembered in a cookie), else the browser's
 * Accept-Language when we speak it, else Italian (English for the API).
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("sportello-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        // Pages speak Italian unless told otherwise; the API speaks English, the lingua franca of integrators.
        resolver.setDefaultLocaleFunction(request -> SupportedLocale.fromCode(
                        request.getHeader("Accept-Language") == null
                                ? null
                                : request.getLocale().getLanguage())
                .map(SupportedLocale::locale)
                .orElse(request.getRequestURI().startsWith("/api/") ? Locale.ENGLISH : Locale.ITALIAN));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
