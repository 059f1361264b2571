package it.sportello;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Sportello: one inbox for every customer channel, a bot first and people when needed. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SportelloApplication {

    public static void main(String[] args) {
        SpringApplication.run(SportelloApplication.class, args);
    }
}
