package dev.webpubsub.spring.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code connect} event: a client asks to connect. The handler may accept it (returning nothing or a
 * {@link ConnectEventResponse}) or reject it (an {@link EventErrorResponse} or a {@link WebPubSubEventException}).
 *
 * @author Web PubSub for Spring Boot team
 */
public class ConnectEventRequest extends WebPubSubEventRequest {

	private final Map<String, List<String>> claims;

	private final Map<String, List<String>> query;

	private final List<String> subprotocols;

	private final List<ClientCertificate> clientCertificates;

	private final Map<String, List<String>> headers;

	/**
	 * Creates a request.
	 * @param connectionContext the connection context
	 * @param claims the claims of the client's access token
	 * @param query the query parameters of the client's request
	 * @param subprotocols the subprotocols the client offers
	 * @param clientCertificates the client certificates
	 * @param headers the headers of the client's request
	 */
	public ConnectEventRequest(WebPubSubConnectionContext connectionContext, Map<String, List<String>> claims,
			Map<String, List<String>> query, List<String> subprotocols, List<ClientCertificate> clientCertificates,
			Map<String, List<String>> headers) {
		super(connectionContext);
		this.claims = copy(claims);
		this.query = copy(query);
		this.subprotocols = List.copyOf(subprotocols);
		this.clientCertificates = List.copyOf(clientCertificates);
		this.headers = copy(headers);
	}

	private static Map<String, List<String>> copy(Map<String, List<String>> map) {
		return Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

	/**
	 * Returns the claims of the client's access token.
	 * @return the claims, values by claim type
	 */
	public Map<String, List<String>> getClaims() {
		return this.claims;
	}

	/**
	 * Returns the query parameters of the client's request.
	 * @return the query parameters
	 */
	public Map<String, List<String>> getQuery() {
		return this.query;
	}

	/**
	 * Returns the subprotocols the client offers.
	 * @return the subprotocols
	 */
	public List<String> getSubprotocols() {
		return this.subprotocols;
	}

	/**
	 * Returns the client certificates.
	 * @return the client certificates
	 */
	public List<ClientCertificate> getClientCertificates() {
		return this.clientCertificates;
	}

	/**
	 * Returns the headers of the client's WebSocket request (not the headers of the upstream request, which are in
	 * the connection context).
	 * @return the headers
	 */
	public Map<String, List<String>> getHeaders() {
		return this.headers;
	}

}
