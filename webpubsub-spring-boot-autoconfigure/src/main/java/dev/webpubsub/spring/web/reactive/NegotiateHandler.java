package dev.webpubsub.spring.web.reactive;

import java.security.Principal;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import dev.webpubsub.spring.token.ClientAccessTokens;
import dev.webpubsub.spring.token.InvalidNegotiateRequestException;
import dev.webpubsub.spring.token.NegotiatePolicy;
import dev.webpubsub.spring.token.NegotiateRequest;

/**
 * Spring WebFlux handler of the negotiate endpoint: answers {@code {"baseUrl","url","accessToken"}} with a client
 * access URL for the requested (or default) hub, or 400 with a one-line reason. Responses are never cached.
 *
 * @author Web PubSub for Spring Boot team
 */
public class NegotiateHandler implements HandlerFunction<ServerResponse> {

	private final NegotiatePolicy policy;

	private final ClientAccessTokens tokens;

	/**
	 * Creates a handler.
	 * @param policy decides what a request's token grants
	 * @param tokens creates the client access URLs
	 */
	public NegotiateHandler(NegotiatePolicy policy, ClientAccessTokens tokens) {
		this.policy = policy;
		this.tokens = tokens;
	}

	@Override
	public Mono<ServerResponse> handle(ServerRequest request) {
		return request.principal()
			.map(Optional::<Principal>of)
			.defaultIfEmpty(Optional.empty())
			.map((principal) -> new NegotiateRequest(principal.orElse(null), request.queryParams(),
					request.headers().asHttpHeaders()))
			.flatMap((negotiate) -> this.tokens.generate(this.policy.apply(negotiate)))
			.flatMap((url) -> ServerResponse.ok()
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(url.toJson()))
			.onErrorResume(InvalidNegotiateRequestException.class, (ex) -> ServerResponse.badRequest()
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.TEXT_PLAIN)
				.bodyValue(ex.getMessage()));
	}

}
