package dev.stepwise.sample.migration;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;

import org.springframework.stereotype.Component;

/**
 * Adds a keywords column to products, empty until the next migration fills it.
 */
@Component
class V3__Add_product_keywords implements Migration {

	@Override
	public void up(MigrationContext context) {
		context.jdbc().execute("ALTER TABLE product ADD COLUMN keywords VARCHAR(400)");
	}

	@Override
	public void down(MigrationContext context) {
		context.jdbc().execute("ALTER TABLE product DROP COLUMN keywords");
	}

}
