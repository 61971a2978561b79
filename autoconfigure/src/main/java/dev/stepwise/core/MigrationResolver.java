package dev.stepwise.core;

import java.util.Arrays;
import java.util.List;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;
import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;

/**
 * Reads the identity of every migration and sorts them by version, refusing unparsable
 * versions, empty descriptions and duplicate versions.
 */
final class MigrationResolver {

	private MigrationResolver() {
	}

	/**
	 * Resolve migrations. They usually come in order already, which one comparison per
	 * migration confirms: only migrations out of order are sorted, after which duplicates
	 * are neighbours. Every start does this for every migration, in a cold JVM.
	 */
	static List<ResolvedMigration> resolve(List<? extends Migration> migrations) {
		ResolvedMigration[] resolved = new ResolvedMigration[migrations.size()];
		boolean ascending = true;
		for (int i = 0; i < resolved.length; i++) {
			resolved[i] = resolve(migrations.get(i));
			ascending = ascending && (i == 0 || resolved[i - 1].version().compareTo(resolved[i].version()) < 0);
		}
		if (!ascending) {
			Arrays.sort(resolved, (first, second) -> first.version().compareTo(second.version()));
			for (int i = 1; i < resolved.length; i++) {
				refuseDuplicate(resolved[i - 1], resolved[i]);
			}
		}
		return List.of(resolved);
	}

	/**
	 * Refuse two neighbours of the sorted migrations that have the same version; the sort
	 * is stable, so the first one came first.
	 */
	private static void refuseDuplicate(ResolvedMigration first, ResolvedMigration second) {
		if (first.version().equals(second.version())) {
			throw new StepwiseException(Code.DUPLICATE_VERSION,
					"Two migrations have version " + second.version() + ": " + first.className() + " ("
							+ first.description() + ") and " + second.className() + " (" + second.description()
							+ "). Give one of them another version.");
		}
	}

	/**
	 * Whether a migration implements {@code down}: asked when reverting and for the
	 * status rather than on every start, where the reflection would load classes and
	 * build method tables that a check does not need.
	 */
	static boolean implementsDown(Migration migration) {
		Class<?> type = userClass(migration);
		try {
			return type.getMethod("down", MigrationContext.class).getDeclaringClass() != Migration.class;
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("A Migration without down(MigrationContext): " + type.getName(), ex);
		}
	}

	private static ResolvedMigration resolve(Migration migration) {
		Class<?> type = userClass(migration);
		String className = type.getName();
		String text = migration.version();
		Version version;
		try {
			version = Version.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new StepwiseException(Code.INVALID_MIGRATION,
					"Migration " + className + " has an invalid version: " + ex.getMessage(), ex);
		}
		String description = migration.description();
		if (description == null || description.isBlank()) {
			throw new StepwiseException(Code.INVALID_MIGRATION, "Migration " + className + " (version " + version
					+ ") has an empty description: name the class V<version>__<Description> or override description()");
		}
		if (hasControlCharacters(description)) {
			throw new StepwiseException(Code.INVALID_MIGRATION, "Migration " + className + " (version " + version
					+ ") has a description with control characters (such as line breaks), which would break logs and"
					+ " reports: use a single line of text");
		}
		return new ResolvedMigration(version, description.trim(), className, migration);
	}

	/**
	 * The class the user wrote, looking through the CGLIB subclasses Spring creates for
	 * proxies, as {@code ClassUtils.getUserClass} does: whose static set-up costs a plain
	 * Java cold start several milliseconds.
	 */
	private static Class<?> userClass(Migration migration) {
		Class<?> type = migration.getClass();
		Class<?> superclass = type.getSuperclass();
		return (type.getName().contains("$$") && superclass != null && superclass != Object.class) ? superclass : type;
	}

	private static boolean hasControlCharacters(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isISOControl(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
