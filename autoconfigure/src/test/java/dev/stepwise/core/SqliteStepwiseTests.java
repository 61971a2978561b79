package dev.stepwise.core;

import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import dev.stepwise.testsupport.TestDatabase;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine's behaviour on SQLite, which Stepwise has no special code for: the proof
 * that the portable path gives any JDBC database a correct lock, history and errors.
 */
class SqliteStepwiseTests extends AbstractStepwiseTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.SQLITE;
	}

	@Test
	@Override
	@Disabled("SQLite has no schemas: a configured schema is refused (the next test)")
	void keepsTheHistoryInTheConfiguredTableAndSchema() {
	}

	@Test
	@Override
	void refusesASchemaThatDoesNotExistUnlessAllowedToCreateIt() {
		assertThatExceptionOfType(StepwiseException.class)
			.isThrownBy(() -> stepwise(TestMigration.createTable("1", "t1")).schema("no_such_schema")
				.createSchema(true)
				.build()
				.migrate())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.INVALID_CONFIGURATION))
			.withMessageContaining("Schema no_such_schema cannot be used on an unrecognised database")
			.withMessageContaining("does not support schemas")
			.withMessageContaining("Nothing was changed");
		assertThat(schema().hasTable("t1")).isFalse();
	}

}
