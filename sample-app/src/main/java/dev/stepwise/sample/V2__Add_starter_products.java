package dev.stepwise.sample;

import java.util.List;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;

import org.springframework.stereotype.Component;

/**
 * Fills the catalogue with a few products.
 */
@Component
class V2__Add_starter_products implements Migration {

	@Override
	public void up(MigrationContext context) {
		context.jdbc()
			.batchUpdate("INSERT INTO product (id, name, price_cents) VALUES (?, ?, ?)",
					List.of(new Object[] { 1, "Kettle", 3_499 }, new Object[] { 2, "Teapot", 2_450 },
							new Object[] { 3, "Mug", 899 }));
	}

	@Override
	public void down(MigrationContext context) {
		context.jdbc().update("DELETE FROM product WHERE id IN (1, 2, 3)");
	}

}
