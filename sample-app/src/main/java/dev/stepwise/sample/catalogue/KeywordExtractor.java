package dev.stepwise.sample.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * Turns a product name into search keywords. An ordinary application service, which a
 * migration uses to backfill data.
 */
@Service
public class KeywordExtractor {

	/**
	 * The keywords of a product name: its words, lower case, without duplicates.
	 * @param name the product name
	 * @return the keywords, separated by spaces
	 */
	public String extract(String name) {
		return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter((word) -> !word.isBlank())
			.distinct()
			.collect(Collectors.joining(" "));
	}

}
