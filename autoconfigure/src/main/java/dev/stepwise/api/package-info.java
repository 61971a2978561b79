/**
 * What applications implement and call: {@link dev.stepwise.api.Migration}, the
 * {@link dev.stepwise.api.MigrationContext} it runs with, and the exceptions Stepwise
 * throws.
 */
@NullMarked
package dev.stepwise.api;

import org.jspecify.annotations.NullMarked;
