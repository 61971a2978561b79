package dev.stepwise.sample.migration;

import dev.stepwise.api.DatabaseKind;
import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;

import org.springframework.stereotype.Component;

/**
 * Indexes the keywords without blocking writes on PostgreSQL ({@code CONCURRENTLY}, which
 * cannot run in a transaction), and plainly elsewhere.
 */
@Component
class V5__Index_product_keywords implements Migration {

	@Override
	public void up(MigrationContext context) {
		String concurrently = (context.database() == DatabaseKind.POSTGRESQL) ? "CONCURRENTLY " : "";
		context.jdbc().execute("CREATE INDEX " + concurrently + "product_keywords ON product (keywords)");
	}

	@Override
	public void down(MigrationContext context) {
		String concurrently = (context.database() == DatabaseKind.POSTGRESQL) ? "CONCURRENTLY " : "";
		context.jdbc().execute("DROP INDEX " + concurrently + "product_keywords");
	}

	@Override
	public boolean transactional() {
		return false;
	}

}
