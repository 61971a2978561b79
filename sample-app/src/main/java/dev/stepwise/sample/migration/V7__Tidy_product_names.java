package dev.stepwise.sample.migration;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;

import org.springframework.stereotype.Component;

/**
 * Trims product names and capitalises their first letter. Deliberately irreversible: the
 * old spellings are gone, so there is no {@code down}, and a revert refuses to cross it.
 */
@Component
class V7__Tidy_product_names implements Migration {

	@Override
	public void up(MigrationContext context) {
		context.jdbc().update("UPDATE product SET name = TRIM(name)");
		context.jdbc().update("UPDATE product SET name = UPPER(SUBSTRING(name, 1, 1)) || SUBSTRING(name, 2)");
	}

}
