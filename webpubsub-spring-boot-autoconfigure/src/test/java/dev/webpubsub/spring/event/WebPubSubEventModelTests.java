package dev.webpubsub.spring.event;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebPubSubEventModelTests {

	@ParameterizedTest
	@CsvSource({ "1,400", "2,400", "3,503", "4,401", "5,401", "135,401", "134,401", "133,400", "129,400", "132,400",
			"140,400", "144,400", "153,400", "131,400", "149,400", "154,400", "155,400", "151,429", "159,429",
			"138,403", "156,500", "157,500", "136,500", "137,500", "128,500" })
	void mqttCodesMapToTheStatusOfTheDotNetSdk(int code, int status) {
		assertThat(new MqttConnectEventErrorResponse(code, null, null).httpStatus()).isEqualTo(status);
	}

	@Test
	void unknownMqttCodeIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MqttConnectEventErrorResponse(0, "ok", null))
			.withMessageContaining("'code' 0");
	}

	@Test
	void errorCodesMapToHttpStatusAndMqttCodes() {
		assertThat(WebPubSubErrorCode.UNAUTHORIZED.httpStatus()).isEqualTo(401);
		assertThat(WebPubSubErrorCode.USER_ERROR.httpStatus()).isEqualTo(400);
		assertThat(WebPubSubErrorCode.SERVER_ERROR.httpStatus()).isEqualTo(500);
		assertThat(List.of(WebPubSubErrorCode.UNAUTHORIZED.mqttCode(4), WebPubSubErrorCode.USER_ERROR.mqttCode(4),
				WebPubSubErrorCode.SERVER_ERROR.mqttCode(4)))
			.containsExactly(5, 4, 3);
		assertThat(List.of(WebPubSubErrorCode.UNAUTHORIZED.mqttCode(5), WebPubSubErrorCode.USER_ERROR.mqttCode(5),
				WebPubSubErrorCode.SERVER_ERROR.mqttCode(5)))
			.containsExactly(135, 134, 136);
	}

	@ParameterizedTest
	@CsvSource({ "connect,SYSTEM", "Connected,SYSTEM", "disconnected,SYSTEM", "message,USER", "joined,USER" })
	void eventTypeIsInferredFromTheName(String name, WebPubSubEventType type) {
		assertThat(WebPubSubEventType.inferFrom(name)).isEqualTo(type);
	}

	@ParameterizedTest
	@CsvSource({ "text/plain,TEXT", "text/plain; charset=utf-8,TEXT", "application/json,JSON",
			"Application/JSON;charset=UTF-8,JSON", "application/octet-stream,BINARY" })
	void dataTypeIsReadFromContentType(String contentType, WebPubSubDataType type) {
		assertThat(WebPubSubDataType.fromContentType(contentType)).isEqualTo(type);
	}

	@Test
	void unsupportedContentTypeHasNoDataType() {
		assertThat(WebPubSubDataType.fromContentType("application/xml")).isNull();
	}

	@Test
	void userEventResponseKeepsItsDataImmutable() {
		byte[] data = { 1, 2 };
		UserEventResponse response = UserEventResponse.binary(data);
		data[0] = 9;
		assertThat(response.getData()).containsExactly(1, 2);
		assertThat(response.withState("k", "v").getStates().values()).containsKey("k");
		assertThat(response.getStates().values()).isEmpty();
	}

}
