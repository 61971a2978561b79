package dev.stepwise.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of tests that each work in a fresh schema of the database their subclass
 * names.
 */
public abstract class SchemaPerTest {

	private IsolatedSchema schema;

	/**
	 * The database this test runs on.
	 * @return the database
	 */
	protected abstract TestDatabase database();

	@BeforeEach
	protected void createSchema() {
		this.schema = database().createSchema();
	}

	@AfterEach
	protected void dropSchema() {
		if (this.schema != null) {
			this.schema.close();
		}
	}

	/**
	 * This test's schema.
	 * @return the schema
	 */
	protected IsolatedSchema schema() {
		return this.schema;
	}

}
