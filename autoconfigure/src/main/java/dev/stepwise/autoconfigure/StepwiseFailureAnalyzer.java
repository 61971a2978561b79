package dev.stepwise.autoconfigure;

import dev.stepwise.api.StepwiseException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link StepwiseException} that stopped the start into a report that says what
 * happened and what to do.
 */
final class StepwiseFailureAnalyzer extends AbstractFailureAnalyzer<StepwiseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StepwiseException cause) {
		return new FailureAnalysis(cause.getMessage(), action(cause), cause);
	}

	private static String action(StepwiseException cause) {
		return switch (cause.code()) {
			case MIGRATION_FAILED -> "Fix the migration named above and start the application again;"
					+ " the description says whether the database needs attention first.";
			case LOCK_TIMEOUT -> "Wait for the other instance to finish, or raise stepwise.lock-timeout.";
			case DATABASE_ERROR ->
				"Check that the database is reachable and that its user may create and write" + " the history table.";
			default -> "Follow the advice in the description, then start the application again.";
		};
	}

}
