package dev.webpubsub.spring.token;

import java.util.Collection;

/**
 * Hubs that an application serves, beyond its default hub ({@code WebPubSubHub}) and those listed in
 * {@code webpubsub.negotiate.hubs}. The negotiate endpoint hands out tokens only for served hubs; every bean of
 * this type contributes, so other parts (such as event handler discovery) can add the hubs they know of.
 *
 * @author Web PubSub for Spring Boot team
 */
@FunctionalInterface
public interface WebPubSubHubs {

	/**
	 * Returns the hubs. Called for every negotiate request, so it should be cheap.
	 * @return the hub names
	 */
	Collection<String> getHubs();

}
