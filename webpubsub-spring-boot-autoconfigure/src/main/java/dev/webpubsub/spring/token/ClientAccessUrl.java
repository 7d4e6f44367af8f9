package dev.webpubsub.spring.token;

/**
 * A URL that a client uses to connect to a Web PubSub hub, as the negotiate endpoint returns it:
 * {@code {"baseUrl","url","accessToken"}}, the same shape as the Azure Functions {@code WebPubSubConnection}
 * binding.
 *
 * @param baseUrl the client endpoint without a query, such as {@code wss://host/client/hubs/chat}
 * @param url the full URL: {@code baseUrl} with the {@code access_token} query parameter
 * @param accessToken the client access token
 * @author Web PubSub for Spring Boot team
 */
public record ClientAccessUrl(String baseUrl, String url, String accessToken) {

	/**
	 * Returns the JSON object {@code {"baseUrl","url","accessToken"}}, independent of how the application
	 * configures its JSON mapper, since clients rely on exactly these names.
	 * @return the JSON object
	 */
	public String toJson() {
		return new JsonClaims().add("baseUrl", this.baseUrl)
			.add("url", this.url)
			.add("accessToken", this.accessToken)
			.toJson();
	}

	@Override
	public String toString() {
		return "ClientAccessUrl[baseUrl=" + this.baseUrl + ", accessToken=******]";
	}

}
