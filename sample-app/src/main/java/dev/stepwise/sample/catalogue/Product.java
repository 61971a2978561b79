package dev.stepwise.sample.catalogue;

/**
 * A product of the catalogue.
 *
 * @param id the id
 * @param name the name
 * @param category the name of its category
 * @param priceCents the price in cents
 * @param keywords its search keywords
 */
public record Product(long id, String name, String category, long priceCents, String keywords) {

}
