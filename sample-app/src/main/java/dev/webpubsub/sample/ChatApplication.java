package dev.webpubsub.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A chat application on Azure Web PubSub: browsers get a client access URL from the negotiate endpoint and talk
 * to each other through the service.
 *
 * @author Web PubSub for Spring Boot team
 */
@SpringBootApplication
public class ChatApplication {

	/**
	 * Starts the application.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(ChatApplication.class, args);
	}

}
