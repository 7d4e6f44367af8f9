package dev.webpubsub.spring.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Settings of the webhook tests: the default connection of the extension's test fixture, a handler-specific
 * connection with another host, an identity-based connection, an allowed origin and a small body limit.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {
		"WebPubSubConnectionString=Endpoint=http://localhost;Port=8080;AccessKey=" + AbstractWebhookEndpointTests.KEY
				+ ";Version=1.0;",
		"TriggerConnection=Endpoint=https://trigger.example.com;AccessKey=" + AbstractWebhookEndpointTests.TRIGGER_KEY
				+ ";Version=1.0;",
		"IdentityConnection.serviceUri=https://identity.example.com", "test.hub=testhub",
		"webpubsub.event-handler.allowed-origins=abc.com", "webpubsub.event-handler.max-body-size=4KB" })
@interface WebhookTestProperties {

}
