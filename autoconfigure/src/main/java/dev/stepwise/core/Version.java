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

	private final int hash;

	private Version(String text, long[] groups) {
		this.text = text;
		this.groups = groups;
		this.hash = Arrays.hashCode(groups);
	}

	/**
	 * Parse a version, in one pass over its characters: every start parses every version,
	 * in a cold JVM.
	 * @param text the version as written
	 * @return the version
	 * @throws IllegalArgumentException if the text is not digit groups, or a group does
	 * not fit a {@code long}
	 */
	static Version parse(String text) {
		String trimmed = text.trim();
		long[] groups = new long[4];
		int count = 0;
		long group = 0;
		boolean digits = false;
		for (int i = 0; i <= trimmed.length(); i++) {
			char character = (i < trimmed.length()) ? trimmed.charAt(i) : '.';
			if (character == '.' || character == '_') {
				if (!digits) {
					throw notAVersion(text);
				}
				if (count == groups.length) {
					groups = Arrays.copyOf(groups, count * 2);
				}
				groups[count++] = group;
				group = 0;
				digits = false;
			}
			else if (character >= '0' && character <= '9') {
				int digit = character - '0';
				if (group > (Long.MAX_VALUE - digit) / 10) {
					throw new IllegalArgumentException("'" + text
							+ "' has a digit group too large for a version: use at most 18 digits per group");
				}
				group = group * 10 + digit;
				digits = true;
			}
			else {
				throw notAVersion(text);
			}
		}
		while (count > 1 && groups[count - 1] == 0) {
			count--;
		}
		return new Version(trimmed.replace('_', '.'), Arrays.copyOf(groups, count));
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
		return this.hash;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
