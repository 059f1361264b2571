package it.sportello.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test that needs the real PostgreSQL (e.g. several applications sharing one database): it runs
 * in the PostgreSQL execution only, skipped or failed there as {@link IntegrationTest}s are when
 * PostgreSQL is missing, and is left out of the H2 run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("database")
@ExtendWith({DatabaseAvailability.class, PostgresOnly.InPostgresRun.class})
public @interface PostgresOnly {

    /** Leaves the test out of the H2 run. */
    class InPostgresRun implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return TestDatabase.isPostgres()
                    ? ConditionEvaluationResult.enabled("in the PostgreSQL run")
                    : ConditionEvaluationResult.disabled("runs in the PostgreSQL run only");
        }
    }
}
