package dev.webpubsub.spring.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details of the default Web PubSub connection. By default they come from the {@code WebPubSubConnectionString}
 * setting; the embedded emulator and tests can publish their own.
 *
 * @author Web PubSub for Spring Boot team
 */
public interface WebPubSubConnectionDetails extends ConnectionDetails {

	/**
	 * Returns the http or https endpoint of the service, without a trailing slash.
	 * @return the endpoint
	 */
	URI getEndpoint();

	/**
	 * Returns the access key, or {@code null} when the connection authenticates with Entra ID.
	 * @return the access key or {@code null}
	 */
	@Nullable String getAccessKey();

}
