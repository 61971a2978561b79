package dev.stepwise.autoconfigure.privilege;

import java.util.ArrayList;
import java.util.List;

import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application whose migration reads a setting that stepwise.init-sql makes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
		excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
class SettingApplication {

	final List<String> seen = new ArrayList<>();

	@Bean
	Migration readSetting() {
		return new V1__Read_setting(this.seen);
	}

	static class V1__Read_setting implements Migration {

		private final List<String> seen;

		V1__Read_setting(List<String> seen) {
			this.seen = seen;
		}

		@Override
		public void up(MigrationContext context) {
			this.seen.add(context.jdbc().queryForObject("SELECT current_setting('application_name')", String.class));
		}

	}

}
