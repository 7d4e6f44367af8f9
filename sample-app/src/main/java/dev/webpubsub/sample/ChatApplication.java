package dev.webpubsub.sample;

import java.util.Optional;

import dev.webpubsub.spring.token.WebPubSubUserIdResolver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Chat application on Azure Web PubSub: a static page, the starter's negotiate and webhook endpoints, and the
 * handlers in {@code ChatEventHandlers}. Without {@code WebPubSubConnectionString} it runs on the embedded emulator.
 *
 * @author Web PubSub for Spring Boot team
 */
@SpringBootApplication
public class ChatApplication {

	/**
	 * Takes the user id of a negotiated token from the {@code userId} query parameter
	 * ({@code /negotiate?userId=alice}); without it the token is anonymous.
	 * <p>
	 * Demo only: this trusts whoever the browser claims to be. A real application takes the user from
	 * authentication, which the starter's default resolver (the name of the authenticated {@code Principal}) does.
	 * @return the resolver
	 */
	@Bean
	WebPubSubUserIdResolver userIdFromQueryParameter() {
		return (request) -> Optional.ofNullable(request.queryParameter("userId")).filter((userId) -> !userId.isEmpty());
	}

	/**
	 * Starts the chat application.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(ChatApplication.class, args);
	}

}
