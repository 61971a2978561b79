package dev.stepwise.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
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

	/**
	 * The data source marked {@link StepwiseDataSource}, if any. An application with one
	 * data source migrates with it whether it is marked or not, unless Stepwise is to
	 * open connections of its own: then the look-up, which costs a cold start
	 * milliseconds, is skipped.
	 */
	static @Nullable DataSource qualified(ObjectProvider<DataSource> qualified, ListableBeanFactory beans,
			StepwiseProperties properties) {
		if (!opensOwnConnections(properties)
				&& BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beans, DataSource.class).length == 1) {
			return null;
		}
		return qualified.getIfAvailable();
	}

	static DataSource choose(@Nullable DataSource qualified, @Nullable DataSource application,
			ObjectProvider<JdbcConnectionDetails> connectionDetails, StepwiseProperties properties) {
		if (qualified != null) {
			return qualified;
		}
		if (!opensOwnConnections(properties)) {
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

	private static boolean opensOwnConnections(StepwiseProperties properties) {
		return properties.getUrl() != null || properties.getUser() != null || properties.getPassword() != null
				|| !properties.getInitSql().isEmpty();
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
	 * A URL fit for messages: without its parameters ({@code ?password=...},
	 * {@code ;PASSWORD=...}) and its user and password. Read by hand: regular expressions
	 * would cost every start in a cold JVM a millisecond to compile.
	 */
	static String withoutSecrets(@Nullable String url) {
		if (url == null) {
			return "no URL";
		}
		int parameters = 0;
		while (parameters < url.length() && url.charAt(parameters) != '?' && url.charAt(parameters) != ';') {
			parameters++;
		}
		String address = url.substring(0, parameters);
		int thin = address.indexOf(":thin:");
		if (thin >= 0) {
			// jdbc:oracle:thin:user/password@host to jdbc:oracle:thin:@host
			int at = address.indexOf('@', thin);
			return (at >= 0) ? address.substring(0, thin + ":thin:".length()) + address.substring(at) : address;
		}
		// scheme://user:password@host/path to scheme://host/path
		int authority = address.indexOf("//");
		if (authority < 0) {
			return address;
		}
		int end = authority + 2;
		while (end < address.length() && address.charAt(end) != '/' && address.charAt(end) != '@') {
			end++;
		}
		return (end < address.length() && address.charAt(end) == '@')
				? address.substring(0, authority + 2) + address.substring(end + 1) : address;
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
