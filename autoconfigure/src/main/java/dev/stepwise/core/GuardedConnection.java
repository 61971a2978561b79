package dev.stepwise.core;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The connection a migration sees: calls that would break Stepwise's bookkeeping are
 * refused with a message that says what to do instead. A migration may not close the
 * connection; a transactional one may not commit, roll back, switch auto-commit or change
 * the session's schema, because Stepwise commits the transaction together with the
 * history row. A non-transactional migration may manage transactions of its own.
 */
final class GuardedConnection implements InvocationHandler {

	private static final Set<String> TRANSACTION_CONTROL = Set.of("commit", "setAutoCommit", "setSchema", "setCatalog");

	private final Connection connection;

	private final ResolvedMigration migration;

	private GuardedConnection(Connection connection, ResolvedMigration migration) {
		this.connection = connection;
		this.migration = migration;
	}

	static Connection guard(Connection connection, ResolvedMigration migration) {
		return (Connection) Proxy.newProxyInstance(GuardedConnection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new GuardedConnection(connection, migration));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		String name = method.getName();
		if (name.equals("close") || name.equals("abort")) {
			throw refused(name, "Stepwise owns the connection and releases it after the migration.");
		}
		if (this.migration.migration().transactional() && (TRANSACTION_CONTROL.contains(name)
				|| (name.equals("rollback") && method.getParameterCount() == 0))) {
			throw refused(name,
					"Stepwise owns the transaction and commits it together with the history row."
							+ " Split the work into several migrations, or return false from transactional() to manage"
							+ " transactions yourself.");
		}
		try {
			return method.invoke(this.connection, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	private IllegalStateException refused(String method, String why) {
		return new IllegalStateException(
				"Migration " + this.migration.displayName() + " called Connection." + method + "(): " + why);
	}

}
