package dev.stepwise.core;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * How a database stores and quotes identifiers, as JDBC tells: unquoted ones in upper
 * case, as the SQL standard says (H2), in lower case (PostgreSQL), or as written
 * (MariaDB, MySQL, SQLite). Names of Stepwise's tables and schema are validated as plain
 * identifiers when configured, then written quoted in the case the database would store
 * them unquoted: the same tables as unquoted names, but a reserved word such as
 * {@code order} still works and nothing in a name can end the statement.
 *
 * @param upperCase whether the database stores unquoted identifiers in upper case
 * @param lowerCase whether it stores them in lower case
 * @param quote the quote character, or empty if the database has none
 */
record Identifiers(boolean upperCase, boolean lowerCase, String quote) {

	/**
	 * Whether a name is a plain, unquoted SQL identifier: a letter or {@code _}, then
	 * letters, digits or {@code _}, at most 58 characters. Checked by hand: a regular
	 * expression would cost every start in a cold JVM a millisecond or more to compile.
	 * @param name the name as configured
	 * @return whether it is a plain identifier
	 */
	static boolean isPlain(String name) {
		if (name.isEmpty() || name.length() > 58 || isDigit(name.charAt(0))) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char character = name.charAt(i);
			if (!(character == '_' || isDigit(character) || (character >= 'A' && character <= 'Z')
					|| (character >= 'a' && character <= 'z'))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDigit(char character) {
		return character >= '0' && character <= '9';
	}

	static Identifiers of(DatabaseMetaData metaData) throws SQLException {
		String quote = String.valueOf(metaData.getIdentifierQuoteString()).trim();
		return new Identifiers(metaData.storesUpperCaseIdentifiers(), metaData.storesLowerCaseIdentifiers(), quote);
	}

	/**
	 * An unquoted identifier as the database stores it, for metadata look-ups.
	 * @param identifier the identifier as configured
	 * @return the identifier as stored
	 */
	String stored(String identifier) {
		return this.upperCase ? identifier.toUpperCase(Locale.ROOT)
				: this.lowerCase ? identifier.toLowerCase(Locale.ROOT) : identifier;
	}

	/**
	 * An identifier as SQL should write it.
	 * @param identifier the identifier as configured
	 * @return the stored form, quoted
	 */
	String quoted(String identifier) {
		return this.quote + stored(identifier) + this.quote;
	}

}
