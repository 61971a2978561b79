package dev.stepwise.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.stepwise.api.Migration;
import dev.stepwise.api.StepwiseException;
import dev.stepwise.core.MigrationInfo;
import dev.stepwise.core.Stepwise;
import dev.stepwise.test.ReversibilityResult.Verdict;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

import org.springframework.context.ApplicationContext;

/**
 * Proves on a real database that every migration reverses cleanly. In version order, for
 * each migration: snapshot the schema, run {@code up}, snapshot, run {@code down} and
 * require the schema before {@code up}, run {@code up} again and require the schema after
 * the first {@code up}; then go on with the next migration on top. An irreversible
 * migration is applied and reported, not failed.
 * <p>
 * Give it a data source on an empty schema (an in-memory H2 database, or a fresh
 * PostgreSQL or MariaDB database from Testcontainers):
 *
 * <pre class="code">
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; migrationsReverseCleanly() {
 *     return ReversibilityCheck.of(dataSource, List.of(new V1__Create_products(), new V2__Add_keywords()))
 *         .dynamicTests();
 * }
 * </pre>
 *
 * or, with any test framework,
 * {@code ReversibilityCheck.of(applicationContext).assertReversible()}.
 */
public final class ReversibilityCheck {

	private final DataSource dataSource;

	private final List<Migration> migrations;

	private ReversibilityCheck(DataSource dataSource, Collection<? extends Migration> migrations) {
		this.dataSource = dataSource;
		this.migrations = List.copyOf(migrations);
	}

	/**
	 * A check of some migrations on a data source.
	 * @param dataSource a data source on an empty schema
	 * @param migrations the migrations, in any order
	 * @return the check
	 */
	public static ReversibilityCheck of(DataSource dataSource, Collection<? extends Migration> migrations) {
		return new ReversibilityCheck(dataSource, migrations);
	}

	/**
	 * A check of every {@link Migration} bean of an application context on its
	 * {@link DataSource}. Start the context with {@code stepwise.auto-run=false}, so that
	 * the schema is still empty.
	 * @param context the application context
	 * @return the check
	 */
	public static ReversibilityCheck of(ApplicationContext context) {
		return new ReversibilityCheck(context.getBean(DataSource.class),
				context.getBeanProvider(Migration.class).orderedStream().toList());
	}

	/**
	 * Run the check, stopping at the first migration that fails.
	 * @return what it found for each migration, in version order
	 */
	public List<ReversibilityResult> run() {
		List<ReversibilityResult> results = new ArrayList<>();
		boolean failed = false;
		for (MigrationInfo migration : migrations()) {
			ReversibilityResult result = failed ? notChecked(migration) : check(migration);
			failed = failed || result.verdict() == Verdict.FAILED;
			results.add(result);
		}
		return List.copyOf(results);
	}

	/**
	 * Run the check and throw if a migration does not reverse cleanly.
	 * @throws AssertionError naming each failed migration, with a diff of the schemas
	 */
	public void assertReversible() {
		String failures = run().stream()
			.filter((result) -> result.verdict() == Verdict.FAILED)
			.map(ReversibilityResult::message)
			.collect(Collectors.joining("\n\n"));
		if (!failures.isEmpty()) {
			throw new AssertionError(failures);
		}
	}

	/**
	 * One JUnit dynamic test per migration, run in version order: a failed migration
	 * fails its test, an irreversible one and those after a failure are reported as
	 * skipped.
	 * @return the dynamic tests
	 */
	public Stream<DynamicTest> dynamicTests() {
		List<MigrationInfo> migrations = migrations();
		boolean[] failed = { false };
		return migrations.stream()
			.map((migration) -> DynamicTest.dynamicTest(migration.version() + " " + migration.description(), () -> {
				Assumptions.assumeFalse(failed[0], "Not checked: an earlier migration did not reverse cleanly");
				ReversibilityResult result = check(migration);
				failed[0] = result.verdict() == Verdict.FAILED;
				if (failed[0]) {
					throw new AssertionError(result.message());
				}
				Assumptions.assumeTrue(result.verdict() == Verdict.REVERSIBLE, result.message());
			}));
	}

	private List<MigrationInfo> migrations() {
		return engine(null).status()
			.migrations()
			.stream()
			.filter((migration) -> migration.state().isPending())
			.toList();
	}

	private ReversibilityResult check(MigrationInfo migration) {
		Stepwise engine = engine(migration.version());
		SchemaSnapshot before = SchemaSnapshot.of(this.dataSource);
		String failure = attempt(engine::migrate, "its up step failed");
		if (failure != null) {
			return failed(migration, failure);
		}
		SchemaSnapshot applied = SchemaSnapshot.of(this.dataSource);
		if (!migration.reversible()) {
			return new ReversibilityResult(migration.version(), migration.description(), migration.className(),
					Verdict.IRREVERSIBLE,
					"Migration " + name(migration) + " is irreversible: it was applied, not checked");
		}
		failure = attempt(() -> engine.revert(1), "its down step failed");
		if (failure == null) {
			failure = difference(before, SchemaSnapshot.of(this.dataSource),
					"after down the schema is not what it was before up (+ left behind by down,"
							+ " - there before up but gone after down, ~ changed):");
		}
		if (failure == null) {
			failure = attempt(engine::migrate, "its up step failed when applied again after down");
		}
		if (failure == null) {
			failure = difference(applied, SchemaSnapshot.of(this.dataSource),
					"up applied again after down gave another schema than the first up (+ only after"
							+ " the second up, - only after the first, ~ changed):");
		}
		return (failure != null) ? failed(migration, failure) : new ReversibilityResult(migration.version(),
				migration.description(), migration.className(), Verdict.REVERSIBLE, null);
	}

	private static @Nullable String attempt(Runnable step, String what) {
		try {
			step.run();
			return null;
		}
		catch (StepwiseException ex) {
			return what + ": " + ex.getMessage();
		}
	}

	private static @Nullable String difference(SchemaSnapshot expected, SchemaSnapshot actual, String what) {
		List<String> differences = expected.diff(actual);
		return differences.isEmpty() ? null : what + "\n  " + String.join("\n  ", differences);
	}

	private static ReversibilityResult failed(MigrationInfo migration, String failure) {
		return new ReversibilityResult(migration.version(), migration.description(), migration.className(),
				Verdict.FAILED, "Migration " + name(migration) + " does not reverse cleanly: " + failure);
	}

	private static ReversibilityResult notChecked(MigrationInfo migration) {
		return new ReversibilityResult(migration.version(), migration.description(), migration.className(),
				Verdict.NOT_CHECKED, "Not checked: an earlier migration did not reverse cleanly");
	}

	private static String name(MigrationInfo migration) {
		return migration.version() + " (" + migration.description() + ", " + migration.className() + ")";
	}

	private Stepwise engine(@Nullable String target) {
		return Stepwise.builder().dataSource(this.dataSource).migrations(this.migrations).target(target).build();
	}

}
