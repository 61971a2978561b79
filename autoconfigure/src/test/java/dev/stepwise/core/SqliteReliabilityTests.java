package dev.stepwise.core;

import dev.stepwise.testsupport.TestDatabase;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Several instances and killed processes on SQLite, in a file that the processes share.
 */
class SqliteReliabilityTests extends AbstractReliabilityTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.SQLITE;
	}

	@Test
	@Override
	@Disabled("SQLite is a file, not a server: no other client can kill a connection to it")
	void aMigrationWhoseConnectionIsKilledFailsClearlyAndNothingClaimsSuccess() {
	}

}
