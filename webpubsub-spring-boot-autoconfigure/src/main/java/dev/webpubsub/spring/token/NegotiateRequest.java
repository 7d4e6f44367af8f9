package dev.webpubsub.spring.token;

import java.security.Principal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What a negotiate request brings, independent of the web stack: the authenticated principal, the query parameters
 * and the headers. Query parameters and headers come from the client and must not be trusted for authorization.
 *
 * @param principal the authenticated principal, or {@code null} for an anonymous request
 * @param queryParameters the query parameters, read-only
 * @param headers the request headers, read-only
 * @author Web PubSub for Spring Boot team
 */
public record NegotiateRequest(@Nullable Principal principal, MultiValueMap<String, String> queryParameters,
		HttpHeaders headers) {

	/**
	 * Creates a request, keeping read-only views of the parameters and headers.
	 */
	public NegotiateRequest {
		queryParameters = CollectionUtils.unmodifiableMultiValueMap(new LinkedMultiValueMap<>(queryParameters));
		headers = HttpHeaders.readOnlyHttpHeaders(headers);
	}

	/**
	 * Returns the first value of a query parameter.
	 * @param name the parameter name
	 * @return the value, or {@code null} when the parameter is absent
	 */
	public @Nullable String queryParameter(String name) {
		return this.queryParameters.getFirst(name);
	}

}
