package dev.stepwise.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;
import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;

/**
 * Reads the identity of every migration and sorts them by version, refusing unparsable
 * versions, empty descriptions and duplicate versions.
 */
final class MigrationResolver {

	private static final Comparator<ResolvedMigration> BY_VERSION = Comparator.comparing(ResolvedMigration::version);

	private MigrationResolver() {
	}

	/**
	 * Resolve migrations: found in a hash map, then sorted once (migrations usually come
	 * nearly in order, which a sort handles in one pass, where a tree map would compare
	 * versions many times per migration in a cold JVM).
	 */
	static List<ResolvedMigration> resolve(List<? extends Migration> migrations) {
		List<ResolvedMigration> resolved = new ArrayList<>(migrations.size());
		Map<Version, ResolvedMigration> byVersion = new HashMap<>();
		Map<Class<?>, Boolean> reversible = new HashMap<>();
		for (Migration migration : migrations) {
			ResolvedMigration candidate = resolve(migration, reversible);
			ResolvedMigration existing = byVersion.putIfAbsent(candidate.version(), candidate);
			if (existing != null) {
				throw new StepwiseException(Code.DUPLICATE_VERSION,
						"Two migrations have version " + candidate.version() + ": " + existing.className() + " ("
								+ existing.description() + ") and " + candidate.className() + " ("
								+ candidate.description() + "). Give one of them another version.");
			}
			resolved.add(candidate);
		}
		resolved.sort(BY_VERSION);
		return List.copyOf(resolved);
	}

	private static boolean implementsDown(Class<?> type) {
		try {
			return type.getMethod("down", MigrationContext.class).getDeclaringClass() != Migration.class;
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("A Migration without down(MigrationContext): " + type.getName(), ex);
		}
	}

	private static ResolvedMigration resolve(Migration migration, Map<Class<?>, Boolean> reversible) {
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
		return new ResolvedMigration(version, description.trim(), className,
				reversible.computeIfAbsent(type, MigrationResolver::implementsDown), migration);
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
