package dev.stepwise.sample;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;

import org.springframework.stereotype.Component;

/**
 * Adds a keywords column to products and fills it from their names, reporting progress.
 */
@Component
class V3__Add_product_keywords implements Migration {

	@Override
	public void up(MigrationContext context) {
		context.jdbc().execute("ALTER TABLE product ADD COLUMN keywords VARCHAR(400)");
		Long total = context.jdbc().queryForObject("SELECT COUNT(*) FROM product", Long.class);
		int done = context.jdbc().update("UPDATE product SET keywords = LOWER(name)");
		context.progress(done, (total != null) ? total : done);
	}

	@Override
	public void down(MigrationContext context) {
		context.jdbc().execute("ALTER TABLE product DROP COLUMN keywords");
	}

}
