package dev.stepwise.core;

import dev.stepwise.api.DatabaseKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LockNames}.
 */
class LockNamesTests {

	@Test
	void namedLockIsNamedAfterTheSchemaAndTable() {
		assertThat(LockNames.name(database("Shop"), "stepwise_history")).isEqualTo("stepwise:shop.stepwise_history");
	}

	@Test
	void namedLockOfASchemaWhoseNameNeedsQuotingIsADigestThatNeedsNone() {
		String name = LockNames.name(database("o'brien\\db"), "stepwise_history");
		assertThat(name).matches("stepwise:[0-9a-f]{32}")
			.isEqualTo(LockNames.name(database("o'brien\\db"), "stepwise_history"))
			.isNotEqualTo(LockNames.name(database("obrien_db"), "stepwise_history"));
	}

	@Test
	void namedLockOfALongNameIsADigest() {
		assertThat(LockNames.name(database("s".repeat(60)), "stepwise_history")).matches("stepwise:[0-9a-f]{32}");
	}

	private static Database database(String schema) {
		return new Database(null, DatabaseKind.MARIADB, Dialect.of(DatabaseKind.MARIADB), schema, false, "root",
				new Identifiers(false, false, "`"));
	}

}
