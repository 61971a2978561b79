package dev.stepwise.sample;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;

import org.springframework.stereotype.Component;

/**
 * Creates the product table.
 */
@Component
class V1__Create_products implements Migration {

	@Override
	public void up(MigrationContext context) {
		context.jdbc()
			.execute("CREATE TABLE product (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL, "
					+ "price_cents BIGINT NOT NULL)");
	}

	@Override
	public void down(MigrationContext context) {
		context.jdbc().execute("DROP TABLE product");
	}

}
