package dev.stepwise.sample.migration;

import java.util.List;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;

import org.springframework.stereotype.Component;

/**
 * Creates the product table and fills the catalogue with a few products.
 */
@Component
class V2__Create_products implements Migration {

	@Override
	public void up(MigrationContext context) {
		context.jdbc()
			.execute("CREATE TABLE product (id BIGINT PRIMARY KEY, category_id BIGINT NOT NULL,"
					+ " name VARCHAR(200) NOT NULL, price_cents BIGINT NOT NULL,"
					+ " CONSTRAINT product_category FOREIGN KEY (category_id) REFERENCES category (id))");
		context.jdbc()
			.batchUpdate("INSERT INTO category (id, name) VALUES (?, ?)",
					List.of(new Object[] { 1, "Kitchen" }, new Object[] { 2, "Tea" }));
		context.jdbc()
			.batchUpdate("INSERT INTO product (id, category_id, name, price_cents) VALUES (?, ?, ?, ?)",
					List.of(new Object[] { 1, 1, "  electric kettle ", 3_499 }, new Object[] { 2, 2, "teapot", 2_450 },
							new Object[] { 3, 2, "Tea mug", 899 }, new Object[] { 4, 1, "Cast-iron pan", 4_200 }));
	}

	@Override
	public void down(MigrationContext context) {
		context.jdbc().execute("DROP TABLE product");
		context.jdbc().update("DELETE FROM category");
	}

}
