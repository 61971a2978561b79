package dev.stepwise.sample.catalogue;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small REST API over the catalogue the migrations built.
 */
@RestController
class ProductController {

	private static final String SELECT = "SELECT p.id, p.name, c.name AS category, p.price_cents, p.keywords"
			+ " FROM product p JOIN category c ON c.id = p.category_id";

	private final JdbcClient jdbc;

	ProductController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/products")
	List<Product> products(@RequestParam(required = false) String keyword) {
		if (keyword == null) {
			return this.jdbc.sql(SELECT + " ORDER BY p.id").query(Product.class).list();
		}
		return this.jdbc.sql(SELECT + " WHERE p.keywords LIKE ? ORDER BY p.id")
			.param("%" + keyword.toLowerCase() + "%")
			.query(Product.class)
			.list();
	}

	@GetMapping("/products/{id}")
	ResponseEntity<Product> product(@PathVariable long id) {
		return ResponseEntity.of(this.jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(Product.class).optional());
	}

}
