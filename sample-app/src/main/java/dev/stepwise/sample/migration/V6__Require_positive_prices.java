package dev.stepwise.sample.migration;

import dev.stepwise.api.DatabaseKind;
import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;

import org.springframework.stereotype.Component;

/**
 * Requires positive prices. On PostgreSQL the constraint is added {@code NOT VALID} (a
 * brief lock) and validated separately (no lock that blocks writes), the safe way on a
 * busy table.
 */
@Component
class V6__Require_positive_prices implements Migration {

	@Override
	public void up(MigrationContext context) {
		if (context.database() == DatabaseKind.POSTGRESQL) {
			context.jdbc()
				.execute("ALTER TABLE product ADD CONSTRAINT product_price_positive CHECK (price_cents > 0) NOT VALID");
			context.jdbc().execute("ALTER TABLE product VALIDATE CONSTRAINT product_price_positive");
		}
		else {
			context.jdbc().execute("ALTER TABLE product ADD CONSTRAINT product_price_positive CHECK (price_cents > 0)");
		}
	}

	@Override
	public void down(MigrationContext context) {
		context.jdbc().execute("ALTER TABLE product DROP CONSTRAINT product_price_positive");
	}

}
