package dev.stepwise.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link MigrationDataSource}.
 */
class MigrationDataSourceTests {

	private final StepwiseProperties properties = new StepwiseProperties();

	private final DataSource application = new SimpleDriverDataSource();

	@Test
	void migratesWithTheApplicationsDataSourceByDefault() {
		assertThat(choose(null)).isSameAs(this.application);
	}

	@Test
	void migratesWithTheQualifiedDataSourceWhenThereIsOne() {
		DataSource qualified = new SimpleDriverDataSource();
		this.properties.setUser("owner");
		assertThat(MigrationDataSource.choose(qualified, this.application, details(null), this.properties))
			.isSameAs(qualified);
	}

	@Test
	void opensItsOwnConnectionsAsTheConfiguredUserOnTheApplicationsUrl() {
		this.properties.setUser("owner");
		this.properties.setPassword("owner-secret");
		DataSource dataSource = choose(connectionDetails());
		assertThat(dataSource).isInstanceOf(MigrationDataSource.Unpooled.class);
		MigrationDataSource.Unpooled unpooled = (MigrationDataSource.Unpooled) dataSource;
		assertThat(unpooled.getUrl()).isEqualTo("jdbc:postgresql://db:5432/shop");
		assertThat(unpooled.getUsername()).isEqualTo("owner");
		assertThat(unpooled.getPassword()).isEqualTo("owner-secret");
	}

	@Test
	void doesNotPairTheApplicationsPasswordWithAnotherUser() {
		this.properties.setUser("owner");
		MigrationDataSource.Unpooled unpooled = (MigrationDataSource.Unpooled) choose(connectionDetails());
		assertThat(unpooled.getPassword()).isNull();
	}

	@Test
	void needsAUrlWhenTheApplicationHasNoConnectionDetails() {
		this.properties.setUser("owner");
		assertThatIllegalStateException().isThrownBy(() -> choose(null)).withMessageContaining("Set stepwise.url");
	}

	@Test
	void namesTheApplicationsDataSourceByItsUrlAndUserWithoutThePassword() {
		assertThat(MigrationDataSource.name(details(connectionDetails())))
			.isEqualTo("jdbc:postgresql://db:5432/shop as app");
		assertThat(MigrationDataSource.name(details(null))).isNull();
	}

	@Test
	void refusesSeveralDataSourcesWithoutAMarkedOne() {
		assertThatIllegalStateException()
			.isThrownBy(() -> MigrationDataSource.choose(null, null, details(null), this.properties))
			.withMessageContaining("@StepwiseDataSource or @Primary");
	}

	@Test
	void urlsInMessagesLoseTheirCredentialsAndParameters() {
		assertThat(MigrationDataSource.withoutSecrets("jdbc:postgresql://app:pw@db:5432/shop?password=pw"))
			.isEqualTo("jdbc:postgresql://db:5432/shop");
		assertThat(MigrationDataSource.withoutSecrets("jdbc:h2:mem:shop;USER=sa;PASSWORD=pw"))
			.isEqualTo("jdbc:h2:mem:shop");
		assertThat(MigrationDataSource.withoutSecrets("jdbc:sqlserver://db:1433;user=app;password=pw"))
			.isEqualTo("jdbc:sqlserver://db:1433");
		assertThat(MigrationDataSource.withoutSecrets("jdbc:oracle:thin:app/pw@db:1521/shop"))
			.isEqualTo("jdbc:oracle:thin:@db:1521/shop");
	}

	private DataSource choose(JdbcConnectionDetails connectionDetails) {
		return MigrationDataSource.choose(null, this.application, details(connectionDetails), this.properties);
	}

	private static ObjectProvider<JdbcConnectionDetails> details(JdbcConnectionDetails connectionDetails) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		if (connectionDetails != null) {
			beans.addBean("connectionDetails", connectionDetails);
		}
		return beans.getBeanProvider(JdbcConnectionDetails.class);
	}

	private static JdbcConnectionDetails connectionDetails() {
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "app";
			}

			@Override
			public String getPassword() {
				return "app-secret";
			}

			@Override
			public String getJdbcUrl() {
				return "jdbc:postgresql://db:5432/shop";
			}

		};
	}

}
