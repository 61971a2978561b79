package dev.stepwise.core;

import dev.stepwise.testsupport.TestDatabase;

/**
 * The engine's operations on SQLite, which Stepwise has no special code for: the proof
 * that the portable path gives any JDBC database a correct lock, history and errors.
 */
class SqliteOperationsTests extends AbstractOperationsTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.SQLITE;
	}

}
