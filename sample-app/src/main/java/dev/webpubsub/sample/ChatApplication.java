package dev.webpubsub.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Chat application: a static page, the starter's negotiate and webhook endpoints, and the handlers in
 * {@code ChatEventHandlers}. Without {@code WebPubSubConnectionString} it runs on the embedded emulator.
 */
@SpringBootApplication
public class ChatApplication {

	/**
	 * Starts the chat application.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(ChatApplication.class, args);
	}

}
