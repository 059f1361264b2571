package it.sportello.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.sportello.shared.NotFoundException;
import it.sportello.shared.TooManyRequestsException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A page whose controller fails renders the error page with the right status (the page's text in
 * both languages is checked end to end by ErrorPageTests); an API controller still answers problem+json.
 */
class PageErrorTests {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingPages(), new FailingApi())
            .setControllerAdvice(new PageExceptionHandler(), new ApiExceptionHandler())
            .build();

    @Test
    void showsTheNotFoundPageForSomethingMissing() throws Exception {
        MvcResult result = page("/test-pages/missing/7");

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getModelAndView().getViewName()).isEqualTo("error");
        assertThat(result.getModelAndView().getModel()).containsEntry("status", 404);
    }

    @Test
    void showsTheServerErrorPageWithNothingOfTheFailure() throws Exception {
        MvcResult result = page("/test-pages/broken");

        assertThat(result.getResponse().getStatus()).isEqualTo(500);
        assertThat(result.getModelAndView().getModel())
                .containsOnlyKeys("status")
                .containsEntry("status", 500);
    }

    @Test
    void answersAMalformedIdWithTheBadRequestPage() throws Exception {
        assertThat(page("/test-pages/missing/not-a-number").getResponse().getStatus())
                .isEqualTo(400);
    }

    @Test
    void tellsWhenToRetryAfterARateLimit() throws Exception {
        MvcResult result = page("/test-pages/busy");

        assertThat(result.getResponse().getStatus()).isEqualTo(429);
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("60");
    }

    @Test
    void leavesApiControllersToTheProblemHandler() throws Exception {
        MvcResult result = mvc.perform(get("/test-api/missing")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
    }

    private MvcResult page(String path) throws Exception {
        return mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andReturn();
    }

    @Controller
    static class FailingPages {

        @GetMapping("/test-pages/missing/{id}")
        String missing(@PathVariable long id) {
            throw new NotFoundException("Thing", id);
        }

        @GetMapping("/test-pages/broken")
        String broken() {
            throw new IllegalStateException("database password is hunter2");
        }

        @GetMapping("/test-pages/busy")
        String busy() {
            throw new TooManyRequestsException("slow down", Duration.ofMinutes(1));
        }
    }

    @RestController
    static class FailingApi {

        @GetMapping("/test-api/missing")
        String missing() {
            throw new NotFoundException("Thing", 1);
        }
    }
}
