package dev.stepwise.core;

/**
 * H2: portable SQL, with the history format in the table's comment and times kept with
 * their offset.
 */
final class H2Dialect extends CommentingDialect {

	@Override
	boolean keepsOffsets() {
		return true;
	}

}
