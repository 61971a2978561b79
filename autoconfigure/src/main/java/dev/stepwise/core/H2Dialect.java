package dev.stepwise.core;

/**
 * H2: portable SQL, with the history format in the table's comment.
 */
final class H2Dialect extends CommentingDialect {

}
