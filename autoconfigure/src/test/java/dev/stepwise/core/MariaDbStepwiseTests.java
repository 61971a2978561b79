package dev.stepwise.core;

import dev.stepwise.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's behaviour on MariaDB.
 */
class MariaDbStepwiseTests extends AbstractStepwiseTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

	/**
	 * MariaDB on Linux keeps table names as written, and compares them in its information
	 * schema ignoring case: the history's marker is read from the table of exactly its
	 * name.
	 */
	@Test
	void readsTheMarkerOfTheHistoryTableOnlyNotOfOneNamedInAnotherCase() {
		schema().jdbc().execute("CREATE TABLE Stepwise_History (id INT) COMMENT = 'not a history'");
		migrate(TestMigration.createTable("1", "t1"));
		MigrationResult again = migrate(TestMigration.createTable("1", "t1"), TestMigration.createTable("2", "t2"));
		assertThat(again.applied()).extracting(ExecutedMigration::version).containsExactly("2");
		assertThat(schema().hasTable("Stepwise_History")).isTrue();
	}

}
