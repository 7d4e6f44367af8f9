package dev.webpubsub.spring.web.servlet;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import dev.webpubsub.spring.handler.EventPreparation;
import dev.webpubsub.spring.handler.PreparedEvent;
import dev.webpubsub.spring.handler.WebPubSubContext;
import dev.webpubsub.spring.handler.WebPubSubEventPipeline;

/**
 * Resolves {@link WebPubSubContext} arguments of Spring MVC controller methods: the request is validated and read
 * by the {@link WebPubSubEventPipeline}, as on the webhook endpoint but without routing to handler methods.
 *
 * @author Web PubSub for Spring Boot team
 */
public class WebPubSubContextArgumentResolver implements HandlerMethodArgumentResolver {

	private final WebPubSubEventPipeline pipeline;

	/**
	 * Creates a resolver.
	 * @param pipeline the pipeline
	 */
	public WebPubSubContextArgumentResolver(WebPubSubEventPipeline pipeline) {
		this.pipeline = pipeline;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == WebPubSubContext.class;
	}

	@Override
	public WebPubSubContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		if (request == null) {
			throw new IllegalStateException("WebPubSubContext needs a servlet request");
		}
		String method = request.getMethod();
		EventPreparation preparation = this.pipeline.prepareContext(method,
				new ServletServerHttpRequest(request).getHeaders());
		byte[] body = (preparation instanceof PreparedEvent)
				? LimitedBodyReader.read(request.getInputStream(), this.pipeline.getMaxBodySize()) : new byte[0];
		return this.pipeline.createContext(method, preparation, body);
	}

}
