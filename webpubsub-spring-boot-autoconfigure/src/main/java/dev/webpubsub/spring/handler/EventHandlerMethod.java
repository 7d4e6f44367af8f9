package dev.webpubsub.spring.handler;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import reactor.core.publisher.Mono;

import dev.webpubsub.spring.connection.WebPubSubConnection;

/**
 * One {@code @WebPubSubEventHandler} method, ready to invoke: the bean is looked up by name for every event (so
 * scoped and proxied beans work), arguments come from the resolvers chosen at start-up, and the result is adapted
 * to a {@link CompletableFuture} whether the method returns a value, a {@link CompletionStage} or a {@code Mono}.
 *
 * @author Web PubSub for Spring Boot team
 */
final class EventHandlerMethod {

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Mono",
			EventHandlerMethod.class.getClassLoader());

	private final WebPubSubEventHandlerMapping mapping;

	private final BeanFactory beanFactory;

	private final String beanName;

	private final Method invocableMethod;

	private final MethodParameter[] parameters;

	private final EventArgumentResolver[] resolvers;

	private final List<WebPubSubConnection> connections;

	private final RequestValidator validator;

	private final boolean mayBlock;

	EventHandlerMethod(WebPubSubEventHandlerMapping mapping, BeanFactory beanFactory, String beanName,
			Method invocableMethod, MethodParameter[] parameters, EventArgumentResolver[] resolvers,
			List<WebPubSubConnection> connections) {
		this.mapping = mapping;
		this.beanFactory = beanFactory;
		this.beanName = beanName;
		this.invocableMethod = invocableMethod;
		this.parameters = parameters;
		this.resolvers = resolvers;
		this.connections = List.copyOf(connections);
		this.validator = new RequestValidator(this.connections);
		this.mayBlock = !CompletionStage.class.isAssignableFrom(invocableMethod.getReturnType())
				&& !(REACTOR_PRESENT && ReactorAdapter.isPublisher(invocableMethod.getReturnType()));
		ReflectionUtils.makeAccessible(invocableMethod);
	}

	WebPubSubEventHandlerMapping mapping() {
		return this.mapping;
	}

	List<WebPubSubConnection> connections() {
		return this.connections;
	}

	RequestValidator validator() {
		return this.validator;
	}

	/**
	 * Whether the method returns a plain value, so it may block the calling thread until it is done.
	 */
	boolean mayBlock() {
		return this.mayBlock;
	}

	/**
	 * Resolves the arguments and invokes the method.
	 * @param invocation the event
	 * @return the method's result; failed when the method throws
	 * @throws BadEventException if an argument cannot be read from the event
	 */
	CompletableFuture<@Nullable Object> invoke(EventInvocation invocation) {
		@Nullable Object[] arguments = new Object[this.parameters.length];
		for (int i = 0; i < arguments.length; i++) {
			arguments[i] = this.resolvers[i].resolveArgument(this.parameters[i], invocation);
		}
		Object result;
		try {
			result = this.invocableMethod.invoke(this.beanFactory.getBean(this.beanName), arguments);
		}
		catch (InvocationTargetException ex) {
			return CompletableFuture.failedFuture(ex.getTargetException());
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return adapt(result);
	}

	@SuppressWarnings("unchecked")
	private static CompletableFuture<@Nullable Object> adapt(@Nullable Object result) {
		if (result instanceof CompletionStage<?> stage) {
			return (CompletableFuture<@Nullable Object>) stage.toCompletableFuture();
		}
		if (REACTOR_PRESENT && result != null) {
			CompletableFuture<@Nullable Object> future = ReactorAdapter.toFuture(result);
			if (future != null) {
				return future;
			}
		}
		return CompletableFuture.completedFuture(result);
	}

	/**
	 * Keeps Reactor types out of the outer class, so it loads in applications without Reactor.
	 */
	private static final class ReactorAdapter {

		static boolean isPublisher(Class<?> type) {
			return Publisher.class.isAssignableFrom(type);
		}

		@SuppressWarnings("unchecked")
		static @Nullable CompletableFuture<@Nullable Object> toFuture(Object result) {
			return (result instanceof Publisher<?> publisher)
					? (CompletableFuture<@Nullable Object>) Mono.from(publisher).toFuture() : null;
		}

	}

	@Override
	public String toString() {
		return this.mapping.method();
	}

}
