package dev.stepwise.core;

import java.time.Duration;
import java.util.List;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationFailedException;
import dev.stepwise.api.StepwiseException;
import dev.stepwise.api.StepwiseException.Code;
import dev.stepwise.testsupport.SchemaPerTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What engine tests share: a fresh schema per test on the subclass's database, and short
 * ways to run the engine and read the history.
 */
abstract class EngineTestSupport extends SchemaPerTest {

	Stepwise.Builder stepwise(Migration... migrations) {
		return Stepwise.builder()
			.dataSource(schema().dataSource())
			.migrations(migrations)
			.lockTimeout(Duration.ofSeconds(10));
	}

	MigrationResult migrate(Migration... migrations) {
		return stepwise(migrations).build().migrate();
	}

	List<String> column(String name) {
		return schema().history().stream().map((row) -> String.valueOf(row.get(name))).toList();
	}

	static void assertRefusedAsFailed(Runnable run) {
		assertThatExceptionOfType(StepwiseException.class).isThrownBy(run::run)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(Code.FAILED_MIGRATION_IN_HISTORY))
			.withMessageContaining("marked FAILED")
			.withMessageContaining("No migration was run")
			.withMessageNotContaining("1970-01-01")
			.withMessageNotContaining(", null)");
	}

	static MigrationFailedException catchFailure(Runnable run) {
		try {
			run.run();
		}
		catch (MigrationFailedException ex) {
			return ex;
		}
		throw new AssertionError("Expected the migration to fail");
	}

}
