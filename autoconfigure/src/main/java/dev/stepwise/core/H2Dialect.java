package dev.stepwise.core;

/**
 * H2: portable SQL, with the history format in the table's comment and times kept with
 * their offset.
 */
final class H2Dialect extends CommentingDialect {

	/** The one instance (see {@link Dialect#of}). */
	static final Dialect INSTANCE = new H2Dialect();

	@Override
	String versionsInOrder() {
		return "LISTAGG(version, ',') WITHIN GROUP (ORDER BY installed_rank)";
	}

	@Override
	boolean keepsOffsets() {
		return true;
	}

}
