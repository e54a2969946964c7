#include "cobs.h"

uint8_t cobs_encode(const uint8_t *in, uint8_t len, uint8_t *out) {
  uint8_t code_at = 0, w = 1, code = 1;
  for (uint8_t r = 0; r < len; r++) {
    if (in[r] == 0) {
      out[code_at] = code;
      code_at = w++;
      code = 1;
    } else {
      out[w++] = in[r];
      if (++code == 0xFF && r + 1 < len) { /* a new block only if data follows */
        out[code_at] = code;
        code_at = w++;
        code = 1;
      }
    }
  }
  out[code_at] = code;
  return w;
}

int16_t cobs_decode(const uint8_t *in, uint8_t len, uint8_t *out, uint8_t cap) {
  uint8_t r = 0, w = 0;
  while (r < len) {
    uint8_t code = in[r++];
    if (code == 0) return -1; /* a zero inside a frame: not COBS */
    for (uint8_t i = 1; i < code; i++) {
      if (r >= len || in[r] == 0 || w >= cap) return -1; /* truncated, zero, or too long */
      out[w++] = in[r++];
    }
    if (code != 0xFF && r < len) {
      if (w >= cap) return -1;
      out[w++] = 0;
    }
  }
  return w;
}
