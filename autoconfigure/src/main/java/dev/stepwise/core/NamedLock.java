package dev.stepwise.core;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

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

	@Override
	boolean tryLock(JdbcTemplate session) {
		Integer result = session.queryForObject("SELECT GET_LOCK(?, 0)", (row, number) -> row.getInt(1), this.name);
		return result != null && result == 1;
	}

	@Override
	void unlock(JdbcTemplate session) {
		session.queryForObject("SELECT RELEASE_LOCK(?)", (row, number) -> row.getInt(1), this.name);
	}

	@Override
	public String holder() {
		Long connectionId = sessionTemplate().queryForObject("SELECT IS_USED_LOCK(?)", Long.class, this.name);
		if (connectionId == null) {
			return "a session that has just released it";
		}
		List<String> details = sessionTemplate().query(
				"SELECT USER, HOST FROM information_schema.PROCESSLIST WHERE ID = ?",
				(row, number) -> " (user " + row.getString("USER") + ", host " + row.getString("HOST") + ")",
				connectionId);
		return "connection " + connectionId + (details.isEmpty() ? "" : details.get(0));
	}

}
