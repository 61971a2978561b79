package dev.stepwise.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that remembers how many connections it opened, and how many of them were
 * open at once.
 */
final class PeakConnections extends DelegatingDataSource {

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	private final AtomicInteger opened = new AtomicInteger();

	PeakConnections(DataSource dataSource) {
		super(dataSource);
	}

	int peak() {
		return this.peak.get();
	}

	int opened() {
		return this.opened.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = obtainTargetDataSource().getConnection();
		this.opened.incrementAndGet();
		this.peak.accumulateAndGet(this.open.incrementAndGet(), Math::max);
		AtomicInteger closed = new AtomicInteger();
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, arguments) -> {
					if (method.getName().equals("close") && closed.getAndIncrement() == 0) {
						this.open.decrementAndGet();
					}
					try {
						return method.invoke(connection, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getTargetException();
					}
				});
	}

}
