/* tether v1 (docs/api/tether-v1.md): message types, reason codes, and the request handler. */
#ifndef TETHER_PROTOCOL_H
#define TETHER_PROTOCOL_H
#include <stdint.h>

#define TETHER_VERSION 1
#define FIRMWARE_NAME "tether-avr"
#define FIRMWARE_MAJOR 1
#define FIRMWARE_MINOR 0
#define FIRMWARE_PATCH 0
#define MAX_PAYLOAD 64                         /* version..CRC, before COBS */
#define MAX_ENCODED (MAX_PAYLOAD + 1)          /* COBS adds one byte per 254 */
#define MAX_RATE 500                           /* requests per second we promise to serve */

/* host -> MCU */
#define MSG_HELLO 0x01
#define MSG_CONFIG_PIN 0x02
#define MSG_SET 0x03
#define MSG_READ 0x04
#define MSG_HEARTBEAT 0x05
#define MSG_DIAGNOSTICS 0x06
/* MCU -> host */
#define MSG_IDENTITY 0x81
#define MSG_REPORT 0x84
#define MSG_DIAGNOSTICS_REPORT 0x86
#define MSG_ACK 0xC0
#define MSG_NACK 0xC1
#define MSG_EVENT 0xE0

#define NACK_UNSUPPORTED_VERSION 1
#define NACK_UNKNOWN_TYPE 2
#define NACK_BAD_LENGTH 3
#define NACK_BAD_PIN 4
#define NACK_BAD_MODE 5
#define NACK_NOT_CONFIGURED 6
#define NACK_BAD_VALUE 7
#define NACK_FAILSAFE_ACTIVE 8

/* status byte of every MCU frame */
#define STATUS_ARMED 0x01
#define STATUS_TRIPPED 0x02

#define HEARTBEAT_MIN_MS 20
#define HEARTBEAT_REARM 0x01

void protocol_init(void);
/* One decoded frame (version..CRC). Bad CRC or length: counted and dropped without a reply. */
void protocol_handle(const uint8_t *payload, uint8_t len);
/* Fail-safe clock and input events; call from the main loop. */
void protocol_poll(void);
/* A received frame that was dropped before decoding (too long, not COBS): counted. */
void protocol_count_dropped(void);
/* Called with each byte received, so the boot nonce can take the host's timing as entropy. */
void protocol_byte_received(void);

#endif
