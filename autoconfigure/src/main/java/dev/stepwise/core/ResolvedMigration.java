package dev.stepwise.core;

import dev.stepwise.api.Migration;

/**
 * A migration with its version parsed and its identity read once.
 *
 * @param version the version
 * @param description the description
 * @param className the name of the class the user wrote
 * @param reversible whether the migration implements {@code down}
 * @param migration the migration itself
 */
record ResolvedMigration(Version version, String description, String className, boolean reversible,
		Migration migration) {

	/**
	 * Who this is, for messages: {@code 3 (Add keywords, com.example.V3__Add_keywords)}.
	 */
	String displayName() {
		return this.version + " (" + this.description + ", " + this.className + ")";
	}

}
