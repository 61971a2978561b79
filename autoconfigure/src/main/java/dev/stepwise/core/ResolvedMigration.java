package dev.stepwise.core;

import dev.stepwise.api.Migration;

/**
 * A migration with its version parsed and its identity read once.
 *
 * @param version the version
 * @param description the description
 * @param className the name of the class the user wrote
 * @param migration the migration itself
 */
record ResolvedMigration(Version version, String description, String className, Migration migration) {

	/**
	 * Whether the migration implements {@code down}.
	 */
	boolean reversible() {
		return MigrationResolver.implementsDown(this.migration);
	}

	/**
	 * Who this is, for messages: {@code 3 (Add keywords, com.example.V3__Add_keywords)}.
	 */
	String displayName() {
		return this.version + " (" + this.description + ", " + this.className + ")";
	}

}
