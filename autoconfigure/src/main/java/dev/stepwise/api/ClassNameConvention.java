package dev.stepwise.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.ClassUtils;

/**
 * Reads a migration's version and description from its class name,
 * {@code V<version>__<Description>}.
 */
record ClassNameConvention(String version, String description) {

	private static final Pattern NAME = Pattern.compile("V([0-9]+(?:_[0-9]+)*)__(.+)");

	static ClassNameConvention of(Migration migration) {
		Class<?> type = userClass(migration);
		Matcher matcher = NAME.matcher(type.getSimpleName());
		if (!matcher.matches()) {
			throw new StepwiseException(StepwiseException.Code.INVALID_MIGRATION,
					"Cannot derive a version and description from the name of migration " + type.getName()
							+ ": name the class V<version>__<Description> (for example V2_1__Add_keywords)"
							+ " or override version() and description()");
		}
		return new ClassNameConvention(matcher.group(1).replace('_', '.'), matcher.group(2).replace('_', ' ').trim());
	}

	/**
	 * The class the user wrote, looking through CGLIB subclasses that Spring creates for
	 * proxies and configuration classes.
	 */
	static Class<?> userClass(Migration migration) {
		return ClassUtils.getUserClass(migration);
	}

}
