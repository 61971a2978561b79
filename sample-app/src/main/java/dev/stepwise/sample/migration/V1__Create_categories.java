package dev.stepwise.sample.migration;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;

import org.springframework.stereotype.Component;

/**
 * Creates the category table.
 */
@Component
class V1__Create_categories implements Migration {

	@Override
	public void up(MigrationContext context) {
		context.jdbc()
			.execute("CREATE TABLE category (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
					+ " CONSTRAINT category_name_unique UNIQUE (name))");
	}

	@Override
	public void down(MigrationContext context) {
		context.jdbc().execute("DROP TABLE category");
	}

}
