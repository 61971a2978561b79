package dev.stepwise.test;

import java.util.List;
import java.util.stream.Stream;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;
import dev.stepwise.test.ReversibilityResult.Verdict;
import dev.stepwise.testsupport.SchemaPerTest;
import dev.stepwise.testsupport.TestDatabase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The reversibility check on a real database, which every database must pass; each
 * database runs these in a subclass of its own, each test in a fresh schema.
 */
abstract class AbstractReversibilityCheckTests extends SchemaPerTest {

	private List<Migration> catalogue() {
		return List.of(
				step("1", "CREATE TABLE category (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL)",
						"DROP TABLE category"),
				step("2",
						"CREATE TABLE product (id INT PRIMARY KEY, category_id INT, name VARCHAR(100),"
								+ " CONSTRAINT product_category FOREIGN KEY (category_id) REFERENCES category (id))",
						"DROP TABLE product"),
				step("3", "CREATE INDEX product_name ON product (name)", dropIndex()),
				step("4", "ALTER TABLE product ADD COLUMN price INT DEFAULT 0 NOT NULL",
						"ALTER TABLE product DROP COLUMN price"),
				step("5", "ALTER TABLE product ADD CONSTRAINT product_price_positive CHECK (price >= 0)",
						dropConstraint("product_price_positive")));
	}

	@Test
	void aReversibleSetPasses() {
		List<ReversibilityResult> results = ReversibilityCheck.of(schema().dataSource(), catalogue()).run();
		assertThat(results).extracting(ReversibilityResult::verdict).containsOnly(Verdict.REVERSIBLE).hasSize(5);
		assertThat(schema().hasTable("product")).isTrue();
	}

	@Test
	void aDownThatForgetsAnIndexFailsNamingIt() {
		List<Migration> migrations = List.of(catalogue().get(0), catalogue().get(1),
				step("3", "CREATE INDEX product_name ON product (name)", "SELECT 1"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ReversibilityCheck.of(schema().dataSource(), migrations).assertReversible())
			.withMessageContaining("Migration 3 (Step 3, " + Step.class.getName() + ") does not reverse cleanly")
			.withMessageContaining("after down the schema is not what it was before up")
			.withMessageMatching("(?is).*\\+ index product\\(name\\): NOT UNIQUE.*");
	}

	@Test
	void aDownThatLeavesAColumnFailsNamingIt() {
		List<Migration> migrations = List.of(catalogue().get(0), catalogue().get(1),
				step("3", "ALTER TABLE product ADD COLUMN keywords VARCHAR(200)", "SELECT 1"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ReversibilityCheck.of(schema().dataSource(), migrations).assertReversible())
			.withMessageMatching("(?is).*\\+ column product\\.keywords: .*");
	}

	@Test
	void aDownThatDropsTheWrongConstraintFailsNamingBoth() {
		List<Migration> migrations = List.of(catalogue().get(0), catalogue().get(1),
				step("3", "ALTER TABLE category ADD CONSTRAINT category_name_unique UNIQUE (name)", "SELECT 1"),
				step("4", "ALTER TABLE product ADD CONSTRAINT product_id_positive CHECK (id > 0)",
						dropConstraint("category_name_unique")));
		List<ReversibilityResult> results = ReversibilityCheck.of(schema().dataSource(), migrations).run();
		assertThat(results).extracting(ReversibilityResult::verdict)
			.containsExactly(Verdict.REVERSIBLE, Verdict.REVERSIBLE, Verdict.FAILED, Verdict.NOT_CHECKED);
		assertThat(results.get(2).message()).containsIgnoringCase("index category(name)");
	}

	@Test
	void anIrreversibleMigrationIsAppliedAndReportedNotFailed() {
		List<Migration> migrations = List.of(catalogue().get(0), new V2__Drop_category_name());
		List<ReversibilityResult> results = ReversibilityCheck.of(schema().dataSource(), migrations).run();
		assertThat(results).extracting(ReversibilityResult::verdict)
			.containsExactly(Verdict.REVERSIBLE, Verdict.IRREVERSIBLE);
		assertThat(results.get(1).message()).contains("is irreversible");
	}

	@TestFactory
	Stream<DynamicTest> yieldsOneDynamicTestPerMigration() {
		return ReversibilityCheck.of(schema().dataSource(), catalogue()).dynamicTests();
	}

	@Test
	void snapshotsOfTheSameSchemaAreEqualAndShowWhatChanged() {
		SchemaSnapshot empty = SchemaSnapshot.of(schema().dataSource());
		schema().jdbc().execute("CREATE TABLE tag (id INT PRIMARY KEY, label VARCHAR(50) NOT NULL)");
		SchemaSnapshot withTag = SchemaSnapshot.of(schema().dataSource());
		assertThat(SchemaSnapshot.of(schema().dataSource())).isEqualTo(withTag);
		assertThat(empty.diff(withTag)).anyMatch((line) -> line.toLowerCase().startsWith("+ table tag"))
			.anyMatch((line) -> line.toLowerCase().startsWith("+ column tag.label") && line.contains("NOT NULL"))
			.anyMatch((line) -> line.toLowerCase().startsWith("+ primary key tag"));
	}

	private String dropIndex() {
		return (database() == TestDatabase.MARIADB) ? "DROP INDEX product_name ON product" : "DROP INDEX product_name";
	}

	private String dropConstraint(String name) {
		String table = name.startsWith("category") ? "category" : "product";
		return (database() == TestDatabase.MARIADB && name.endsWith("unique")) ? "DROP INDEX " + name + " ON " + table
				: "ALTER TABLE " + table + " DROP CONSTRAINT " + name;
	}

	private static Migration step(String version, String up, String down) {
		return new Step(version, up, down);
	}

	/**
	 * A migration of one statement each way.
	 */
	static final class Step implements Migration {

		private final String version;

		private final String up;

		private final String down;

		Step(String version, String up, String down) {
			this.version = version;
			this.up = up;
			this.down = down;
		}

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute(this.up);
		}

		@Override
		public void down(MigrationContext context) {
			context.jdbc().execute(this.down);
		}

		@Override
		public String version() {
			return this.version;
		}

		@Override
		public String description() {
			return "Step " + this.version;
		}

	}

	static class V2__Drop_category_name implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("ALTER TABLE category DROP COLUMN name");
		}

	}

}
