package dev.stepwise.api;

import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the defaults of {@link Migration}.
 */
class MigrationTests {

	@Test
	void versionAndDescriptionComeFromTheClassName() {
		Migration migration = new V20261122_01__Add_keywords();
		assertThat(migration.version()).isEqualTo("20261122.01");
		assertThat(migration.description()).isEqualTo("Add keywords");
		assertThat(migration.transactional()).isTrue();
	}

	@Test
	void versionAndDescriptionComeFromTheUsersClassThroughASpringProxy() {
		ProxyFactory factory = new ProxyFactory(new V20261122_01__Add_keywords());
		factory.setProxyTargetClass(true);
		Migration proxy = (Migration) factory.getProxy();
		assertThat(proxy.getClass().getName()).contains("$$");
		assertThat(proxy.version()).isEqualTo("20261122.01");
		assertThat(proxy.description()).isEqualTo("Add keywords");
	}

	@Test
	void aClassNameWithoutTheConventionIsRefusedNamingTheClass() {
		assertThatExceptionOfType(StepwiseException.class).isThrownBy(() -> new AddKeywords().version())
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(StepwiseException.Code.INVALID_MIGRATION))
			.withMessageContaining(AddKeywords.class.getName())
			.withMessageContaining("override version()");
	}

	@Test
	void downIsIrreversibleUnlessImplemented() {
		assertThatExceptionOfType(StepwiseException.class).isThrownBy(() -> new V20261122_01__Add_keywords().down(null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(StepwiseException.Code.IRREVERSIBLE_MIGRATION))
			.withMessage("Migration 20261122.01 (Add keywords, " + V20261122_01__Add_keywords.class.getName()
					+ ") is irreversible: it does not implement down(MigrationContext)");
	}

	public static class V20261122_01__Add_keywords implements Migration {

		@Override
		public void up(MigrationContext context) {
		}

	}

	static class AddKeywords implements Migration {

		@Override
		public void up(MigrationContext context) {
		}

	}

}
