package dev.stepwise.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts JDBC round trips: statement executions, commits and rollbacks, metadata queries,
 * {@code Connection.getSchema()} (a query on PostgreSQL) and
 * {@code PreparedStatement.getParameterMetaData()} (a describe on PostgreSQL, a prepare
 * on MariaDB), the same way for every contender.
 */
final class CountingDataSource extends DelegatingDataSource {

	private final AtomicLong roundTrips = new AtomicLong();

	CountingDataSource(DataSource dataSource) {
		super(dataSource);
	}

	long roundTrips() {
		return this.roundTrips.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		return proxy(Connection.class, super.getConnection());
	}

	private <T> T proxy(Class<T> type, Object target) {
		return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> invoke(target, method, args)));
	}

	private Object invoke(Object target, Method method, Object[] args) throws Throwable {
		String name = method.getName();
		if (name.startsWith("execute") || name.equals("commit") || name.equals("rollback") || name.equals("getSchema")
				|| name.equals("getParameterMetaData")
				|| (target instanceof DatabaseMetaData && method.getReturnType() == ResultSet.class)) {
			this.roundTrips.incrementAndGet();
		}
		Object result;
		try {
			result = method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
		if (result instanceof Statement && method.getReturnType().isInterface()) {
			return proxy(method.getReturnType(), result);
		}
		if (result instanceof DatabaseMetaData metaData) {
			return proxy(DatabaseMetaData.class, metaData);
		}
		if (result instanceof Connection connection) {
			// a statement's or metadata's connection: counted like the one it came from
			return proxy(Connection.class, connection);
		}
		return result;
	}

}
