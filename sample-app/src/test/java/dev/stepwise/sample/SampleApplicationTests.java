package dev.stepwise.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application starts on an in-memory H2 database with its migrations applied.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:sample;DB_CLOSE_DELAY=-1")
class SampleApplicationTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void startsWithEveryMigrationApplied() {
		assertThat(
				this.jdbc.queryForList("SELECT version FROM stepwise_history WHERE outcome = 'SUCCESS'", String.class))
			.containsExactly("1", "2", "3");
	}

	@Test
	void productsHaveKeywordsFilledByTheBackfill() {
		assertThat(this.jdbc.queryForList("SELECT keywords FROM product ORDER BY id", String.class))
			.containsExactly("kettle", "teapot", "mug");
	}

}
