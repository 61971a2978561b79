package dev.stepwise.core;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A migration version: digit groups separated by {@code .} or {@code _}, compared
 * numerically group by group, with missing trailing groups read as zero ({@code 1} equals
 * {@code 1.0}). Shown with {@code .} as the separator.
 */
final class Version implements Comparable<Version> {

	private final String text;

	private final long[] groups;

	private Version(String text, long[] groups) {
		this.text = text;
		this.groups = groups;
	}

	/**
	 * Parse a version.
	 * @param text the version as written
	 * @return the version
	 * @throws IllegalArgumentException if the text is not digit groups, or a group does
	 * not fit a {@code long}
	 */
	static Version parse(String text) {
		String normalized = text.trim().replace('_', '.');
		long[] groups = new long[count(normalized, '.') + 1];
		int start = 0;
		int group = 0;
		for (int i = 0; i <= normalized.length(); i++) {
			if (i == normalized.length() || normalized.charAt(i) == '.') {
				groups[group++] = group(text, normalized, start, i);
				start = i + 1;
			}
			else if (normalized.charAt(i) < '0' || normalized.charAt(i) > '9') {
				throw notAVersion(text);
			}
		}
		int length = groups.length;
		while (length > 1 && groups[length - 1] == 0) {
			length--;
		}
		return new Version(normalized, (length < groups.length) ? Arrays.copyOf(groups, length) : groups);
	}

	private static int count(String text, char character) {
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == character) {
				count++;
			}
		}
		return count;
	}

	/**
	 * One digit group, read by hand rather than with a regular expression: every start
	 * parses every version, in a cold JVM.
	 */
	private static long group(String text, String normalized, int start, int end) {
		if (start == end) {
			throw notAVersion(text);
		}
		long value = 0;
		for (int i = start; i < end; i++) {
			int digit = normalized.charAt(i) - '0';
			if (value > (Long.MAX_VALUE - digit) / 10) {
				throw new IllegalArgumentException(
						"'" + text + "' has a digit group too large for a version: use at most 18 digits per group");
			}
			value = value * 10 + digit;
		}
		return value;
	}

	private static IllegalArgumentException notAVersion(String text) {
		return new IllegalArgumentException("'" + text
				+ "' is not a version: use digit groups separated by '.' or '_', such as 1, 1.2 or 20261122_01");
	}

	@Override
	public int compareTo(Version other) {
		int length = Math.max(this.groups.length, other.groups.length);
		for (int i = 0; i < length; i++) {
			int comparison = Long.compare(group(i), other.group(i));
			if (comparison != 0) {
				return comparison;
			}
		}
		return 0;
	}

	private long group(int index) {
		return (index < this.groups.length) ? this.groups[index] : 0;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof Version version) && Arrays.equals(this.groups, version.groups);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.groups);
	}

	@Override
	public String toString() {
		return this.text;
	}

}
