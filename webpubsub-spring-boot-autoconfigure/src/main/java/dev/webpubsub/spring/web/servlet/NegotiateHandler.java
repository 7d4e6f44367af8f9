package dev.webpubsub.spring.web.servlet;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import dev.webpubsub.spring.token.ClientAccessTokens;
import dev.webpubsub.spring.token.ClientAccessUrl;
import dev.webpubsub.spring.token.InvalidNegotiateRequestException;
import dev.webpubsub.spring.token.NegotiatePolicy;
import dev.webpubsub.spring.token.NegotiateRequest;

/**
 * Spring MVC handler of the negotiate endpoint: answers {@code {"baseUrl","url","accessToken"}} with a client
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
	public ServerResponse handle(ServerRequest request) {
		NegotiateRequest negotiate = new NegotiateRequest(request.principal().orElse(null), request.params(),
				request.headers().asHttpHeaders());
		ClientAccessUrl url;
		try {
			url = this.tokens.generateBlocking(this.policy.apply(negotiate));
		}
		catch (InvalidNegotiateRequestException ex) {
			return ServerResponse.badRequest()
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.TEXT_PLAIN)
				.body(ex.getMessage());
		}
		return ServerResponse.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(url.toJson());
	}

}
