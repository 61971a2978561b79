package dev.stepwise.autoconfigure;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.core.ExecutedMigration;
import dev.stepwise.core.MigrationInfo;
import dev.stepwise.core.MigrationResult;
import dev.stepwise.core.MigrationStatus;
import dev.stepwise.core.RevertResult;
import org.jspecify.annotations.Nullable;

/**
 * Prints command results as one JSON document, for scripts.
 */
final class JsonReport implements CommandReport {

	private final PrintStream out;

	JsonReport(PrintStream out) {
		this.out = out;
	}

	@Override
	public void status(MigrationStatus status) {
		print(statusDocument(status));
	}

	@Override
	public void validation(MigrationStatus status) {
		Map<String, @Nullable Object> document = statusDocument(status);
		document.put("valid", status.isUpToDate());
		print(document);
	}

	@Override
	public void migrated(MigrationResult result) {
		print(document("applied", executed(result.applied()), "currentVersion", result.currentVersion()));
	}

	@Override
	public void reverted(RevertResult result) {
		print(document("reverted", executed(result.reverted()), "currentVersion", result.currentVersion()));
	}

	@Override
	public void repaired(List<String> versions) {
		print(document("repaired", versions));
	}

	@Override
	public void baselined(String version) {
		print(document("baselineVersion", version));
	}

	private static Map<String, @Nullable Object> statusDocument(MigrationStatus status) {
		Map<String, @Nullable Object> document = new LinkedHashMap<>();
		document.put("currentVersion", status.currentVersion());
		document.put("applied", status.appliedCount());
		document.put("pending", status.pendingCount());
		document.put("failed", status.failedCount());
		document.put("migrations", status.migrations().stream().map(JsonReport::migration).toList());
		return document;
	}

	private static Map<String, @Nullable Object> migration(MigrationInfo info) {
		Map<String, @Nullable Object> migration = new LinkedHashMap<>();
		migration.put("version", info.version());
		migration.put("description", info.description());
		migration.put("state", info.state().name());
		migration.put("className", info.className());
		migration.put("transactional", info.transactional());
		migration.put("reversible", info.reversible());
		migration.put("installedOn", (info.installedOn() != null) ? info.installedOn().toString() : null);
		migration.put("installedBy", info.installedBy());
		migration.put("executionTimeMs", info.executionTimeMs());
		return migration;
	}

	private static List<Map<String, Object>> executed(List<ExecutedMigration> migrations) {
		return migrations.stream()
			.map((migration) -> Map.<String, Object>of("version", migration.version(), "description",
					migration.description(), "executionTimeMs", migration.executionTime().toMillis()))
			.toList();
	}

	private static Map<String, @Nullable Object> document(@Nullable Object... keysAndValues) {
		Map<String, @Nullable Object> document = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			document.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
		}
		return document;
	}

	private void print(Map<String, ? extends @Nullable Object> document) {
		StringBuilder json = new StringBuilder();
		write(json, document);
		this.out.println(json);
	}

	private static void write(StringBuilder json, @Nullable Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			json.append('{');
			String separator = "";
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				json.append(separator);
				write(json, String.valueOf(entry.getKey()));
				json.append(':');
				write(json, entry.getValue());
				separator = ",";
			}
			json.append('}');
		}
		else if (value instanceof List<?> list) {
			json.append('[');
			for (int i = 0; i < list.size(); i++) {
				json.append((i > 0) ? "," : "");
				write(json, list.get(i));
			}
			json.append(']');
		}
		else if (value instanceof Number || value instanceof Boolean) {
			json.append(value);
		}
		else {
			string(json, value.toString());
		}
	}

	private static void string(StringBuilder json, String text) {
		json.append('"');
		for (char character : text.toCharArray()) {
			switch (character) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> json.append((character < 0x20) ? String.format("\\u%04x", (int) character) : character);
			}
		}
		json.append('"');
	}

}
