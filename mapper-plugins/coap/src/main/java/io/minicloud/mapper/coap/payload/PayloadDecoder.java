package io.minicloud.mapper.coap.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.minicloud.mapper.api.BytesValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.Value;
import io.minicloud.mapper.api.json.JsonPath;
import io.minicloud.mapper.api.json.JsonPayloadParser;
import io.minicloud.mapper.api.json.JsonValueConverter;
import io.minicloud.mapper.api.json.ParsedPayload;
import io.minicloud.mapper.coap.config.CoapPoint;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a response body into a property's raw value. The body's Content-Format option decides how
 * it is read when it names one of ours; otherwise the property's {@code accept}. Text is strict
 * UTF-8 and then converted like a JSON string (numbers, on/off, ...); JSON and CBOR become one tree
 * that the property's {@code jsonPath} walks. Never a partial value: every failure is a {@link
 * DeviceException} of kind {@link ErrorKind#MALFORMED} (not the format) or {@link ErrorKind#DECODE}
 * (not the type).
 */
public final class PayloadDecoder {
  private final JsonPayloadParser json;
  private final CborPayloadParser cbor;

  public PayloadDecoder(int maxBytes) {
    this.json = new JsonPayloadParser(maxBytes);
    this.cbor = new CborPayloadParser(maxBytes);
  }

  /**
   * @param contentFormat the reply's Content-Format option, or -1 when it has none
   * @throws DeviceException saying why the body holds no value for the point
   */
  public Value decode(CoapPoint point, byte[] body, int contentFormat) throws DeviceException {
    PayloadFormat format = format(point, contentFormat);
    return switch (format) {
      case OCTETS -> octets(point, body);
      case TEXT -> text(point, body);
      case JSON -> tree(point, json.parse(body), "JSON");
      case CBOR -> tree(point, cbor.parse(body), "CBOR");
    };
  }

  private static PayloadFormat format(CoapPoint point, int contentFormat) throws DeviceException {
    if (contentFormat < 0) {
      return point.accept();
    }
    PayloadFormat format =
        PayloadFormat.ofNumber(contentFormat)
            .orElseThrow(
                () ->
                    new DeviceException(
                        ErrorKind.MALFORMED,
                        "the reply's Content-Format "
                            + contentFormat
                            + " is not one the plugin reads (0, 42, 50, 60)"));
    if (!point.jsonPath().toString().equals("$") && !format.structured()) {
      throw new DeviceException(
          ErrorKind.MALFORMED,
          "the reply is "
              + format.mediaType()
              + ", but jsonPath "
              + point.jsonPath()
              + " needs"
              + " JSON or CBOR");
    }
    return format;
  }

  private static Value octets(CoapPoint point, byte[] body) throws DeviceException {
    if (point.rawType() != DataType.BYTES) {
      throw new DeviceException(
          ErrorKind.DECODE, "an application/octet-stream body is only a bytes value");
    }
    return new BytesValue(body.clone());
  }

  private static Value text(CoapPoint point, byte[] body) throws DeviceException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw new DeviceException(ErrorKind.MALFORMED, "the text body is not valid UTF-8");
    }
    if (point.rawType() == DataType.STRING) {
      return JsonValueConverter.convert(
          new TextNode(text), DataType.STRING, point.transform(), point.bytesEncoding());
    }
    if (text.isBlank()) {
      throw new DeviceException(ErrorKind.DECODE, "the text body is empty");
    }
    return JsonValueConverter.convert(
        new TextNode(text.strip()), point.rawType(), point.transform(), point.bytesEncoding());
  }

  private static Value tree(CoapPoint point, ParsedPayload parsed, String what)
      throws DeviceException {
    if (parsed instanceof ParsedPayload.Oversize o) {
      throw new DeviceException(
          ErrorKind.MALFORMED, "a " + o.bytes() + "-byte body is over the limit of " + o.limit());
    }
    if (parsed instanceof ParsedPayload.Malformed m) {
      throw new DeviceException(ErrorKind.MALFORMED, "not " + what + ": " + m.reason());
    }
    JsonNode root = ((ParsedPayload.Json) parsed).root();
    JsonPath.Match match = point.jsonPath().evaluate(root);
    if (!match.found()) {
      throw new DeviceException(ErrorKind.DECODE, match.missing());
    }
    return JsonValueConverter.convert(
        match.value(), point.rawType(), point.transform(), point.bytesEncoding());
  }
}
