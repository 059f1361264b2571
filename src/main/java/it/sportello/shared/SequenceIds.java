package it.sportello.shared;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out ids from database sequences before a row is written, so an aggregate knows its id
 * (and can name it in its events) from the moment it is made. Sequences step by {@link #BLOCK};
 * each value reserves the block that starts at it, so one round trip serves fifty ids and
 * several nodes never collide.
 */
@Component
public class SequenceIds {

    /** The increment of every sequence used through here; the migrations create them with it. */
    public static final int BLOCK = 50;

    private final JdbcTemplate jdbc;
    private final ConcurrentMap<String, Block> blocks = new ConcurrentHashMap<>();

    SequenceIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long next(String sequence) {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a sequence name: " + sequence);
        }
        return blocks.computeIfAbsent(sequence, s -> new Block()).next(() -> fetch(sequence));
    }

    private long fetch(String sequence) {
        Long value = jdbc.queryForObject("select nextval('" + sequence + "')", Long.class);
        if (value == null) {
            throw new IllegalStateException("Sequence " + sequence + " returned nothing");
        }
        return value;
    }

    private static final class Block {
        private long next;
        private long end;

        synchronized long next(java.util.function.LongSupplier fetch) {
            if (next >= end) {
                next = fetch.getAsLong();
                end = next + BLOCK;
            }
            return next++;
        }
    }
}
