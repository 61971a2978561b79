package dev.stepwise.autoconfigure.privilege;

import dev.stepwise.api.DatabaseKind;
import dev.stepwise.api.Migration;
import dev.stepwise.api.MigrationContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application that connects as a user who may only read and write data, while its
 * migrations run as the schema owner and grant that user what it needs.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
		excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
class LeastPrivilegeApplication {

	@Bean
	Migration createProducts(@Value("${test.app-user}") String appUser) {
		return new V1__Create_products(appUser);
	}

	static class V1__Create_products implements Migration {

		private final String appUser;

		V1__Create_products(String appUser) {
			this.appUser = appUser;
		}

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE product (id INT PRIMARY KEY, name VARCHAR(100))");
			String grantee = (context.database() == DatabaseKind.POSTGRESQL) ? this.appUser
					: "'" + this.appUser + "'@'%'";
			context.jdbc().execute("GRANT SELECT, INSERT, UPDATE, DELETE ON product TO " + grantee);
		}

	}

}
