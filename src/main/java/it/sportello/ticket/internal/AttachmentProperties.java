package it.sportello.ticket.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Where attachment bytes are kept and how large one may be. */
@ConfigurationProperties("sportello.attachments")
public record AttachmentProperties(
        @DefaultValue("./data/attachments") Path directory,
        @DefaultValue("20MB") DataSize maxSize) {}
