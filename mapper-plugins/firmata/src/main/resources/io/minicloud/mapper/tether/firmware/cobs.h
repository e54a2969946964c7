/* Consistent Overhead Byte Stuffing: frames never contain 0x00, so 0x00 delimits them. */
#ifndef TETHER_COBS_H
#define TETHER_COBS_H
#include <stdint.h>

/* Encodes len bytes; out must hold len + len / 254 + 1 bytes. Returns the encoded length. */
uint8_t cobs_encode(const uint8_t *in, uint8_t len, uint8_t *out);

/* Decodes an encoded frame (without its 0x00 delimiter) into out (capacity cap).
   Returns the decoded length, or -1 when the input is not valid COBS or does not fit. */
int16_t cobs_decode(const uint8_t *in, uint8_t len, uint8_t *out, uint8_t cap);

#endif
