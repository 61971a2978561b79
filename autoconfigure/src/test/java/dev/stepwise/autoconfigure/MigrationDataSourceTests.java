package dev.stepwise.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
	void looksForTheMarkedDataSourceOnlyWhenItCouldChangeTheChoice() {
		DataSource marked = new SimpleDriverDataSource();
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("dataSource", marked);
		StaticListableBeanFactory markedBeans = new StaticListableBeanFactory();
		markedBeans.addBean("dataSource", marked);
		ObjectProvider<DataSource> qualified = markedBeans.getBeanProvider(DataSource.class);
		assertThat(MigrationDataSource.qualified(qualified, beans, this.properties)).isNull();
		this.properties.setUser("owner");
		assertThat(MigrationDataSource.qualified(qualified, beans, this.properties)).isSameAs(marked);
		this.properties.setUser(null);
		beans.addBean("applicationDataSource", this.application);
		assertThat(MigrationDataSource.qualified(qualified, beans, this.properties)).isSameAs(marked);
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

	@ParameterizedTest
	@CsvSource({ "jdbc:postgresql://app:pw@db:5432/shop?password=pw, jdbc:postgresql://db:5432/shop",
			"jdbc:h2:mem:shop;USER=sa;PASSWORD=pw, jdbc:h2:mem:shop",
			"jdbc:sqlserver://db:1433;user=app;password=pw, jdbc:sqlserver://db:1433",
			"jdbc:oracle:thin:app/pw@db:1521/shop, jdbc:oracle:thin:@db:1521/shop",
			"jdbc:oracle:thin:app/pw@//db:1521/shop, jdbc:oracle:thin:@//db:1521/shop",
			"jdbc:mariadb://app@db/shop, jdbc:mariadb://db/shop",
			"jdbc:postgresql://db/shop@2024, jdbc:postgresql://db/shop@2024",
			"jdbc:sqlite:/data/shop.db, jdbc:sqlite:/data/shop.db" })
	void urlsInMessagesLoseTheirCredentialsAndParameters(String url, String shown) {
		assertThat(MigrationDataSource.withoutSecrets(url)).isEqualTo(shown);
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
