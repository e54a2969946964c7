package io.minicloud.mapper.api.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code -----BEGIN type-----} … {@code -----END type-----} block of a PEM file, decoded.
 *
 * @param encrypted true when RFC 1421 headers ({@code Proc-Type: 4,ENCRYPTED}) say the body is
 *     encrypted, as in the traditional openssl format; {@code der} is then still ciphertext
 */
record PemBlock(String type, boolean encrypted, byte[] der) {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  /** Headers come first in a block and end at its first empty line. */
  private static final Pattern END_OF_HEADERS = Pattern.compile("\\R[ \\t]*\\R");

  /**
   * Every block of {@code file}, in order; text around them is ignored, as openssl does.
   *
   * @throws IOException naming the file when it has no block or a block is not base64
   */
  static List<PemBlock> read(Path file) throws IOException {
    // ISO-8859-1 never fails to decode, so a DER or PKCS#12 file given here by mistake gets the
    // "not a PEM file" message below rather than a charset error that names nothing
    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    List<PemBlock> blocks = new ArrayList<>();
    Matcher block = BLOCK.matcher(text);
    while (block.find()) {
      String type = block.group(1);
      String body = block.group(2);
      String headers = "";
      Matcher endOfHeaders = END_OF_HEADERS.matcher(body);
      if (body.contains(":") && endOfHeaders.find()) {
        headers = body.substring(0, endOfHeaders.start());
        body = body.substring(endOfHeaders.end());
      }
      try {
        byte[] der = Base64.getMimeDecoder().decode(body.strip());
        blocks.add(new PemBlock(type, headers.contains("ENCRYPTED"), der));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": the PEM block '" + type + "' is not valid base64", e);
      }
    }
    if (blocks.isEmpty()) {
      throw new IOException(file + " is not a PEM file (no -----BEGIN block)");
    }
    return blocks;
  }
}
