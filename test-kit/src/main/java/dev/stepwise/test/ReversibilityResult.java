package dev.stepwise.test;

import org.jspecify.annotations.Nullable;

/**
 * What the reversibility check found for one migration.
 *
 * @param version the migration's version
 * @param description the migration's description
 * @param className the migration's class
 * @param verdict the verdict
 * @param message why it failed or was not checked, or {@code null} when it passed
 */
public record ReversibilityResult(String version, String description, @Nullable String className, Verdict verdict,
		@Nullable String message) {

	/**
	 * What the check concluded about a migration.
	 */
	public enum Verdict {

		/** Down undid up, and up applied again gave the same schema. */
		REVERSIBLE,

		/** The migration has no down step: it was applied, not checked. */
		IRREVERSIBLE,

		/** Up or down failed, or the schemas differed. */
		FAILED,

		/** Not checked, because an earlier migration failed. */
		NOT_CHECKED

	}

}
