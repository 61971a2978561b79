package dev.stepwise.sample.migration;

import java.util.List;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;
import dev.stepwise.sample.catalogue.KeywordExtractor;

import org.springframework.stereotype.Component;

/**
 * Fills the keywords of every product with an application service, in batches, reporting
 * progress as it goes (visible in the log and at {@code /actuator/migrations}).
 */
@Component
class V4__Backfill_product_keywords implements Migration {

	private static final int BATCH = 500;

	private final KeywordExtractor keywords;

	V4__Backfill_product_keywords(KeywordExtractor keywords) {
		this.keywords = keywords;
	}

	@Override
	public void up(MigrationContext context) {
		Long total = context.jdbc().queryForObject("SELECT COUNT(*) FROM product", Long.class);
		long done = 0;
		long lastId = 0;
		while (true) {
			List<Product> batch = context.jdbc()
				.query("SELECT id, name FROM product WHERE id > ? ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY",
						(row, number) -> new Product(row.getLong("id"), row.getString("name")), lastId);
			if (batch.isEmpty()) {
				break;
			}
			for (Product product : batch) {
				context.jdbc()
					.update("UPDATE product SET keywords = ? WHERE id = ?", this.keywords.extract(product.name()),
							product.id());
			}
			lastId = batch.get(batch.size() - 1).id();
			done += batch.size();
			context.progress(done, (total != null) ? total : done);
		}
	}

	@Override
	public void down(MigrationContext context) {
		context.jdbc().update("UPDATE product SET keywords = NULL");
	}

	private record Product(long id, String name) {
	}

}
