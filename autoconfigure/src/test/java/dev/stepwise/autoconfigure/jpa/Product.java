package dev.stepwise.autoconfigure.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * An entity whose table comes from a Stepwise migration.
 */
@Entity
public class Product {

	@Id
	private Long id;

	@Column(nullable = false, length = 200)
	private String name;

	protected Product() {
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
