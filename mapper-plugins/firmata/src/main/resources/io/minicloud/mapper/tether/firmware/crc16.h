/* CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, xorout 0; check("123456789") = 0x29B1. */
#ifndef TETHER_CRC16_H
#define TETHER_CRC16_H
#include <stdint.h>

uint16_t crc16_ccitt_false(const uint8_t *data, uint8_t len);

#endif
