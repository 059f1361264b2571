package it.sportello.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the PostgreSQL run, saying why, on a machine without PostgreSQL; fails it instead where
 * PostgreSQL is required (CI), so a missing server can never pass as green.
 */
class DatabaseAvailability implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = TestDatabase.unavailableReason();
        if (reason == null) {
            return ConditionEvaluationResult.enabled(TestDatabase.isPostgres() ? "on PostgreSQL" : "on H2");
        }
        if (TestDatabase.postgresRequired()) {
            throw new IllegalStateException(
                    reason + "; this run requires PostgreSQL (sportello.require-postgres=true)");
        }
        return ConditionEvaluationResult.disabled(reason + ": PostgreSQL run skipped");
    }
}
