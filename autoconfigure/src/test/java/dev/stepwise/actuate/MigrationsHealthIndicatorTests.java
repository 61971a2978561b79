package dev.stepwise.actuate;

import java.util.List;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;
import dev.stepwise.api.MigrationFailedException;
import dev.stepwise.core.Stepwise;
import dev.stepwise.testsupport.IsolatedSchema;
import dev.stepwise.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationsHealthIndicator} on a real H2 database.
 */
class MigrationsHealthIndicatorTests {

	private final IsolatedSchema schema = TestDatabase.H2.createSchema();

	@AfterEach
	void dropSchema() {
		this.schema.close();
	}

	@Test
	void isDownWhenAMigrationFailed() {
		Stepwise stepwise = Stepwise.builder()
			.dataSource(this.schema.dataSource())
			.migrations(new V1__Broken())
			.build();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(stepwise::migrate);
		Health health = new MigrationsHealthIndicator(stepwise, Status.OUT_OF_SERVICE).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("failedVersions", List.of("1")).containsEntry("failed", 1L);
	}

	@Test
	void reportsTheConfiguredStatusWhileMigrationsArePending() {
		Stepwise stepwise = Stepwise.builder()
			.dataSource(this.schema.dataSource())
			.migrations(new V1__Broken())
			.build();
		Health health = new MigrationsHealthIndicator(stepwise, new Status("PENDING")).health();
		assertThat(health.getStatus().getCode()).isEqualTo("PENDING");
		assertThat(health.getDetails()).containsEntry("pending", 1L).containsEntry("currentVersion", "none");
	}

	static class V1__Broken implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("INSERT INTO no_such_table (id) VALUES (1)");
		}

		@Override
		public boolean transactional() {
			return false;
		}

	}

}
