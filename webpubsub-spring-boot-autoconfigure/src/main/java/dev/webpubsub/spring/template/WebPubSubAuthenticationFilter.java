package dev.webpubsub.spring.template;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Sets the {@code Authorization: Bearer} header of each REST request from the {@link RequestAuthenticator} that
 * the template puts in the request's attributes. Being a filter, it runs again for every retry, so a retried
 * request never carries a stale token. One filter serves every connection, so the template needs only one
 * {@code WebClient}.
 *
 * @author Web PubSub for Spring Boot team
 */
final class WebPubSubAuthenticationFilter implements ExchangeFilterFunction {

	static final String AUTHENTICATOR_ATTRIBUTE = WebPubSubAuthenticationFilter.class.getName() + ".authenticator";

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		Object authenticator = request.attribute(AUTHENTICATOR_ATTRIBUTE).orElse(null);
		if (!(authenticator instanceof RequestAuthenticator requestAuthenticator)) {
			return next.exchange(request);
		}
		return requestAuthenticator.bearerToken(request.url())
			.map((token) -> ClientRequest.from(request).headers((headers) -> headers.setBearerAuth(token)).build())
			.flatMap(next::exchange);
	}

}
