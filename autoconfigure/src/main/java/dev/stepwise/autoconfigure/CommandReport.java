package dev.stepwise.autoconfigure;

import java.util.List;

import dev.stepwise.core.MigrationResult;
import dev.stepwise.core.MigrationStatus;
import dev.stepwise.core.RevertResult;

/**
 * Prints what a command did, in one output format.
 */
interface CommandReport {

	void status(MigrationStatus status);

	/**
	 * Print the status and whether it passes validation.
	 */
	void validation(MigrationStatus status);

	void migrated(MigrationResult result);

	void reverted(RevertResult result);

	void repaired(List<String> versions);

	void baselined(String version);

}
