package dev.stepwise.core;

import java.util.List;

import javax.sql.DataSource;

/**
 * MySQL's and MariaDB's named lock ({@code GET_LOCK}), released explicitly and by the
 * server when the connection ends.
 */
final class NamedLock extends SessionLock {

	private final String name;

	NamedLock(DataSource dataSource, String name) {
		super(dataSource);
		this.name = name;
	}

	/**
	 * The name is written into the statement rather than bound (it needs no quoting: see
	 * {@link LockNames#name}), so that a start with nothing pending prepares no
	 * statement, whose first use in a JVM costs the driver tens of milliseconds.
	 */
	@Override
	boolean tryLock(SqlRunner session) {
		// 1 if taken, 0 if held elsewhere, NULL on an error
		return session.queryForBoolean("SELECT GET_LOCK('" + this.name + "', 0)");
	}

	@Override
	void unlock(SqlRunner session) {
		session.queryForBoolean("SELECT RELEASE_LOCK('" + this.name + "')");
	}

	@Override
	public String holder() {
		Long connectionId = sessionSql().queryForObject("SELECT IS_USED_LOCK(?)",
				(row, number) -> row.getObject(1, Long.class), this.name);
		if (connectionId == null) {
			return "a session that has just released it";
		}
		List<String> details = sessionSql().query("SELECT USER, HOST FROM information_schema.PROCESSLIST WHERE ID = ?",
				(row, number) -> " (user " + row.getString("USER") + ", host " + row.getString("HOST") + ")",
				connectionId);
		return "connection " + connectionId + (details.isEmpty() ? "" : details.get(0));
	}

}
