package dev.stepwise.autoconfigure;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.stepwise.core.ExecutedMigration;
import dev.stepwise.core.MigrationInfo;
import dev.stepwise.core.MigrationResult;
import dev.stepwise.core.MigrationStatus;
import dev.stepwise.core.RevertResult;
import org.jspecify.annotations.Nullable;

/**
 * Prints command results for people: a status table with one migration per line.
 */
final class TextReport implements CommandReport {

	private static final DateTimeFormatter INSTALLED_ON = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private final PrintStream out;

	TextReport(PrintStream out) {
		this.out = out;
	}

	@Override
	public void status(MigrationStatus status) {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "Version", "State", "Description", "Installed on", "Time" });
		for (MigrationInfo migration : status.migrations()) {
			rows.add(new String[] { migration.version(), migration.state().name(), migration.description(),
					(migration.installedOn() != null) ? INSTALLED_ON.format(migration.installedOn()) : "",
					(migration.executionTimeMs() != null) ? migration.executionTimeMs() + " ms" : "" });
		}
		int[] widths = new int[5];
		rows.forEach((row) -> {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		});
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.length; i++) {
				line.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
			}
			this.out.println(line.toString().stripTrailing());
		}
		this.out.println();
		this.out.println("Current version: " + orNone(status.currentVersion()) + " (" + status.appliedCount()
				+ " applied, " + status.pendingCount() + " pending, " + status.failedCount() + " failed)");
	}

	@Override
	public void validation(MigrationStatus status) {
		status(status);
		this.out.println(status.isUpToDate() ? "Validation passed: the database is up to date."
				: "Validation failed: the database is not where the migrations say it should be.");
	}

	@Override
	public void migrated(MigrationResult result) {
		executed("Applied", result.applied());
		this.out.println("Current version: " + orNone(result.currentVersion()));
	}

	@Override
	public void reverted(RevertResult result) {
		executed("Reverted", result.reverted());
		this.out.println("Current version: " + orNone(result.currentVersion()));
	}

	private void executed(String verb, List<ExecutedMigration> migrations) {
		if (migrations.isEmpty()) {
			this.out.println(verb + " nothing: no migration to " + verb.toLowerCase(Locale.ROOT).replace("ed", ""));
		}
		for (ExecutedMigration migration : migrations) {
			this.out.println(verb + " " + migration.version() + " (" + migration.description() + ") in "
					+ migration.executionTime().toMillis() + " ms");
		}
	}

	@Override
	public void repaired(List<String> versions) {
		this.out.println("Repaired " + String.join(", ", versions));
	}

	@Override
	public void baselined(String version) {
		this.out.println("Baselined at version " + version);
	}

	private static String orNone(@Nullable String version) {
		return (version != null) ? version : "none";
	}

}
