package dev.stepwise.core;

import java.util.List;

import javax.sql.DataSource;

/**
 * PostgreSQL's session advisory lock, taken with {@code pg_try_advisory_lock} so that a
 * waiter never sits in a transaction that {@code CREATE INDEX CONCURRENTLY} would wait
 * for.
 */
final class AdvisoryLock extends SessionLock {

	private final long key;

	AdvisoryLock(DataSource dataSource, long key) {
		super(dataSource);
		this.key = key;
	}

	/**
	 * The key is written into the statement rather than bound: see
	 * {@link PostgresDialect#historyMarker}.
	 */
	@Override
	boolean tryLock(SqlRunner session) {
		return session.queryForBoolean("SELECT pg_try_advisory_lock(" + this.key + ")");
	}

	@Override
	void unlock(SqlRunner session) {
		session.queryForBoolean("SELECT pg_advisory_unlock(" + this.key + ")");
	}

	@Override
	public String holder() {
		List<String> holders = sessionSql().query("""
				SELECT a.pid, a.application_name, a.client_addr, a.backend_start
				FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
				WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
				AND l.classid::bigint = ? AND l.objid::bigint = ?""",
				(row, number) -> "PostgreSQL backend pid " + row.getInt("pid") + " (application '"
						+ row.getString("application_name") + "', client " + row.getString("client_addr")
						+ ", connected since " + row.getTimestamp("backend_start").toInstant() + ")",
				this.key >>> 32, this.key & 0xFFFFFFFFL);
		return holders.isEmpty() ? "a session that has just released it" : String.join(", ", holders);
	}

}
