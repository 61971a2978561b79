package dev.stepwise.core;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that remembers how many connections it opened, how many of them were open
 * at once, and the SQL run on them.
 */
final class ObservedDataSource extends DelegatingDataSource {

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	private final AtomicInteger opened = new AtomicInteger();

	private final List<String> statements = new CopyOnWriteArrayList<>();

	ObservedDataSource(DataSource dataSource) {
		super(dataSource);
	}

	int peak() {
		return this.peak.get();
	}

	int opened() {
		return this.opened.get();
	}

	/**
	 * The SQL of every statement run or prepared, in order.
	 */
	List<String> statements() {
		return List.copyOf(this.statements);
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = obtainTargetDataSource().getConnection();
		this.opened.incrementAndGet();
		this.peak.accumulateAndGet(this.open.incrementAndGet(), Math::max);
		AtomicInteger closed = new AtomicInteger();
		return proxy(Connection.class, (proxy, method, arguments) -> {
			if (method.getName().equals("close") && closed.getAndIncrement() == 0) {
				this.open.decrementAndGet();
			}
			if (method.getName().equals("prepareStatement") || method.getName().equals("prepareCall")) {
				this.statements.add((String) arguments[0]);
			}
			Object result = invoke(method, connection, arguments);
			return (method.getName().equals("createStatement")) ? observed((Statement) result) : result;
		});
	}

	private Statement observed(Statement statement) {
		return proxy(Statement.class, (proxy, method, arguments) -> {
			if (method.getName().startsWith("execute") && arguments != null && arguments.length > 0
					&& arguments[0] instanceof String sql) {
				this.statements.add(sql);
			}
			return invoke(method, statement, arguments);
		});
	}

	private static <T> T proxy(Class<T> type, InvocationHandler handler) {
		return type
			.cast(Proxy.newProxyInstance(ObservedDataSource.class.getClassLoader(), new Class<?>[] { type }, handler));
	}

	private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
