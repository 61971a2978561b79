package dev.stepwise.core;

/**
 * H2: portable SQL, with the history format in the table's comment and times kept with
 * their offset. Its summary of the history is folded in Java (see
 * {@link Dialect#versionsInOrder()}): in a cold JVM, H2 took about twice as long to run
 * its {@code LISTAGG} over 1000 events as to hand them over.
 */
final class H2Dialect extends CommentingDialect {

	/** The one instance (see {@link Dialect#of}). */
	static final Dialect INSTANCE = new H2Dialect();

	@Override
	boolean keepsOffsets() {
		return true;
	}

}
