package dev.stepwise.core;

import java.sql.Connection;

import dev.stepwise.api.DatabaseKind;
import dev.stepwise.api.MigrationContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The {@link MigrationContext} of one migration, bound to the connection it runs on. The
 * migration sees that connection guarded ({@link GuardedConnection}), through
 * {@link #connection()} and in {@code JdbcTemplate} callbacks; the templates' own
 * statements go to it directly.
 */
final class ConnectionContext implements MigrationContext {

	private static final Logger logger = LoggerFactory.getLogger(ConnectionContext.class);

	private static final long PROGRESS_LOG_INTERVAL_NANOS = 1_000_000_000L;

	private final Database database;

	private final ResolvedMigration migration;

	private final Connection connection;

	private final Connection guarded;

	private @Nullable MigrationTemplates templates;

	private long lastProgressLog;

	private final ProgressReport report;

	ConnectionContext(Connection connection, Database database, ResolvedMigration migration, ProgressReport report) {
		this.connection = connection;
		this.guarded = new GuardedConnection(connection, migration);
		this.database = database;
		this.migration = migration;
		this.report = report;
		this.lastProgressLog = System.nanoTime();
	}

	@Override
	public JdbcTemplate jdbc() {
		return templates().jdbc();
	}

	@Override
	public NamedParameterJdbcTemplate namedJdbc() {
		return templates().namedJdbc();
	}

	private MigrationTemplates templates() {
		// created on first use: in a fresh JVM, JdbcTemplate's classes and logging set-up
		// cost tens of milliseconds, which a migration on plain JDBC need not pay
		if (this.templates == null) {
			this.templates = new MigrationTemplates(this.connection, this.guarded);
		}
		return this.templates;
	}

	@Override
	public Connection connection() {
		return this.guarded;
	}

	@Override
	public DatabaseKind database() {
		return this.database.kind();
	}

	@Override
	public @Nullable String schema() {
		return this.database.schema();
	}

	@Override
	public void progress(long done, long total) {
		this.report.progress(done, total);
		long now = System.nanoTime();
		if (done >= total || now - this.lastProgressLog >= PROGRESS_LOG_INTERVAL_NANOS) {
			this.lastProgressLog = now;
			long percent = (total > 0) ? Math.min(100, done * 100 / total) : 100;
			logger.info("Migration {} ({}): {} of {} done ({}%)", this.migration.version(),
					this.migration.description(), done, total, percent);
		}
	}

	/**
	 * Where a migration's progress goes besides the log.
	 */
	interface ProgressReport {

		void progress(long done, long total);

	}

}
