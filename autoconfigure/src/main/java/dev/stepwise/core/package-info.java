/**
 * The Stepwise engine: plain Java and spring-jdbc, no Spring Boot. Start from
 * {@link dev.stepwise.core.Stepwise#builder()}.
 */
@NullMarked
package dev.stepwise.core;

import org.jspecify.annotations.NullMarked;
