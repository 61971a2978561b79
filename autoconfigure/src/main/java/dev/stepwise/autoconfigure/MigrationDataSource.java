package dev.stepwise.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.StringUtils;

/**
 * Chooses the data source Stepwise migrates with: a {@link StepwiseDataSource} bean;
 * else, when {@code stepwise.url}, {@code user}, {@code password} or {@code init-sql} is
 * set, a data source of Stepwise's own, without a pool, so that no privileged connection
 * stays open between operations (what is not set comes from the application's connection
 * details); else the application's data source.
 */
final class MigrationDataSource {

	private MigrationDataSource() {
	}

	static DataSource choose(@Nullable DataSource qualified, @Nullable DataSource application,
			ObjectProvider<JdbcConnectionDetails> connectionDetails, StepwiseProperties properties) {
		if (qualified != null) {
			return qualified;
		}
		if (properties.getUrl() == null && properties.getUser() == null && properties.getPassword() == null
				&& properties.getInitSql().isEmpty()) {
			if (application == null) {
				throw new IllegalStateException("Stepwise found several DataSource beans and none is marked"
						+ " @StepwiseDataSource or @Primary: mark the one to migrate with");
			}
			return application;
		}
		JdbcConnectionDetails details = connectionDetails.getIfAvailable();
		String url = (properties.getUrl() != null) ? properties.getUrl()
				: (details != null) ? details.getJdbcUrl() : null;
		if (!StringUtils.hasText(url)) {
			throw new IllegalStateException("Set stepwise.url: the application's DataSource has no connection"
					+ " details for Stepwise to take the URL from");
		}
		String user = (properties.getUser() != null) ? properties.getUser()
				: (details != null) ? details.getUsername() : null;
		String password = (properties.getPassword() != null) ? properties.getPassword()
				: (details != null && properties.getUser() == null) ? details.getPassword() : null;
		return new Unpooled(url, user, password);
	}

	/**
	 * How messages name the application's data source: its URL without credentials and
	 * its user, from its connection details when it has them.
	 */
	static @Nullable String name(ObjectProvider<JdbcConnectionDetails> connectionDetails) {
		JdbcConnectionDetails details = connectionDetails.getIfAvailable();
		if (details == null || !StringUtils.hasText(details.getJdbcUrl())) {
			return null;
		}
		return withoutSecrets(details.getJdbcUrl())
				+ ((details.getUsername() != null) ? " as " + details.getUsername() : "");
	}

	/**
	 * A URL fit for messages: without its user, password and parameters.
	 */
	static String withoutSecrets(@Nullable String url) {
		if (url == null) {
			return "no URL";
		}
		return url.replaceAll("[?;].*$", "").replaceAll("//[^/@]*@", "//").replaceAll(":thin:[^@]*@", ":thin:@");
	}

	/**
	 * A connection per request, closed when the caller closes it, with failures that name
	 * the URL and user but never the password.
	 */
	static final class Unpooled extends DriverManagerDataSource {

		Unpooled(String url, @Nullable String user, @Nullable String password) {
			setUrl(url);
			setUsername(user);
			setPassword(password);
		}

		@Override
		protected Connection getConnectionFromDriver(Properties properties) throws SQLException {
			try {
				return super.getConnectionFromDriver(properties);
			}
			catch (SQLException ex) {
				throw new SQLException("Could not connect to " + withoutSecrets(getUrl()) + " as " + getUsername()
						+ ": " + ex.getMessage(), ex.getSQLState(), ex.getErrorCode(), ex);
			}
		}

	}

}
