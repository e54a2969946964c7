#include "protocol.h"

#include <string.h>

#include "clock.h"
#include "cobs.h"
#include "crc16.h"
#include "nonce.h"
#include "pins.h"
#include "uart.h"

#define STATE_DISARMED 0
#define STATE_ARMED 1
#define STATE_TRIPPED 2
#define DEDUP_WINDOW 8
#define EVENT_SCAN_MS 5

/* A request with side effects that was executed: a retransmission of it (same seq and CRC) is
   answered with the same outcome and never executed again. */
struct executed {
  uint8_t seq;
  uint16_t crc;
  uint8_t outcome; /* 0 = ACK, else the NACK reason */
};

static struct executed window[DEDUP_WINDOW];
static uint8_t window_next;
static uint8_t state;
static uint16_t timeout_ms;
static uint32_t last_heard;
static uint32_t last_scan;
static uint8_t event_seq;
/* what was dropped without a reply, for DIAGNOSTICS (saturating) */
static uint16_t crc_errors;
static uint16_t dropped_frames;
static uint8_t tx[MAX_PAYLOAD];
static uint8_t tx_encoded[MAX_ENCODED + 1];

void protocol_init(void) {
  memset(window, 0, sizeof window); /* seq 0 is never sent by a host: empty slots never match */
  state = STATE_DISARMED;
}

void protocol_byte_received(void) { nonce_seal(); }

static void saturating_increment(uint16_t *counter) {
  if (*counter != 0xFFFF) (*counter)++;
}

void protocol_count_dropped(void) { saturating_increment(&dropped_frames); }


static uint8_t status(void) {
  return state == STATE_ARMED ? STATUS_ARMED : state == STATE_TRIPPED ? STATUS_TRIPPED : 0;
}

/* Starts a reply: header, then the nonce and status every MCU frame carries. */
static uint8_t begin(uint8_t seq, uint8_t type) {
  uint32_t n = nonce_value();
  tx[0] = TETHER_VERSION;
  tx[1] = seq;
  tx[2] = type;
  tx[3] = (uint8_t)(n >> 24);
  tx[4] = (uint8_t)(n >> 16);
  tx[5] = (uint8_t)(n >> 8);
  tx[6] = (uint8_t)n;
  tx[7] = status();
  return 8;
}

static void finish(uint8_t len) {
  uint16_t crc = crc16_ccitt_false(tx, len);
  tx[len++] = (uint8_t)(crc >> 8);
  tx[len++] = (uint8_t)crc;
  uint8_t n = cobs_encode(tx, len, tx_encoded);
  tx_encoded[n++] = 0;
  uart_write(tx_encoded, n);
}

static void reply_outcome(uint8_t seq, uint8_t outcome) {
  uint8_t len = begin(seq, outcome == 0 ? MSG_ACK : MSG_NACK);
  if (outcome != 0) tx[len++] = outcome;
  finish(len);
}

static void identity(uint8_t seq) {
  uint8_t len = begin(seq, MSG_IDENTITY);
  tx[len++] = TETHER_VERSION;
  tx[len++] = FIRMWARE_MAJOR;
  tx[len++] = FIRMWARE_MINOR;
  tx[len++] = FIRMWARE_PATCH;
  tx[len++] = MAX_PAYLOAD;
  tx[len++] = (uint8_t)(MAX_RATE >> 8);
  tx[len++] = (uint8_t)MAX_RATE;
  tx[len++] = PIN_COUNT;
  for (uint8_t pin = 0; pin < PIN_COUNT; pin++) tx[len++] = pins_capabilities(pin);
  uint8_t name_len = sizeof FIRMWARE_NAME - 1;
  tx[len++] = name_len;
  memcpy(tx + len, FIRMWARE_NAME, name_len);
  finish((uint8_t)(len + name_len));
}

static void report(uint8_t seq, uint8_t type, uint8_t pin, uint16_t value) {
  uint8_t len = begin(seq, type);
  tx[len++] = pin;
  tx[len++] = (uint8_t)(value >> 8);
  tx[len++] = (uint8_t)value;
  finish(len);
}

static void diagnostics(uint8_t seq) {
  uint16_t values[4] = {crc_errors, dropped_frames, uart_overruns(), uart_line_errors()};
  uint8_t len = begin(seq, MSG_DIAGNOSTICS_REPORT);
  for (uint8_t i = 0; i < 4; i++) {
    tx[len++] = (uint8_t)(values[i] >> 8);
    tx[len++] = (uint8_t)values[i];
  }
  finish(len);
}

static uint8_t config_pin(const uint8_t *body, uint8_t len) {
  if (len != 3) return NACK_BAD_LENGTH;
  uint8_t pin = body[0], mode = body[1], safe = body[2];
  if (pin >= PIN_COUNT || pins_capabilities(pin) == 0) return NACK_BAD_PIN;
  if (mode == MODE_UNUSED || mode > MODE_ANALOG_IN) return NACK_BAD_MODE;
  if (!(pins_capabilities(pin) & (1 << (mode - 1)))) return NACK_BAD_MODE;
  if (safe > 1) return NACK_BAD_VALUE;
  pins_configure(pin, mode, safe);
  return 0;
}

static uint8_t set_output(const uint8_t *body, uint8_t len) {
  if (len != 3) return NACK_BAD_LENGTH;
  uint8_t pin = body[0];
  uint16_t value = (uint16_t)(body[1] << 8 | body[2]);
  if (pin >= PIN_COUNT || pins_capabilities(pin) == 0) return NACK_BAD_PIN;
  if (pins_mode(pin) != MODE_DIGITAL_OUT) return NACK_NOT_CONFIGURED;
  if (value > 1) return NACK_BAD_VALUE;
  /* outputs stay at their safe values until the host re-arms with a heartbeat */
  if (state == STATE_TRIPPED) return NACK_FAILSAFE_ACTIVE;
  pins_write(pin, (uint8_t)value);
  return 0;
}

/* body: timeout (ms, 0 disarms), flags (bit 0 re-arm). Once tripped, only an explicit re-arm
   leaves the safe state, so a plain heartbeat from a host that missed the trip cannot hide it:
   it keeps answering with the TRIPPED status until the host has re-applied its configuration. */
static uint8_t heartbeat(const uint8_t *body, uint8_t len) {
  if (len != 3) return NACK_BAD_LENGTH;
  uint16_t ms = (uint16_t)(body[0] << 8 | body[1]);
  uint8_t rearm = body[2] & HEARTBEAT_REARM;
  if (ms != 0 && ms < HEARTBEAT_MIN_MS) return NACK_BAD_VALUE;
  if (body[2] & (uint8_t)~HEARTBEAT_REARM) return NACK_BAD_VALUE;
  timeout_ms = ms;
  if (ms == 0) state = STATE_DISARMED;
  else if (state != STATE_TRIPPED || rearm) state = STATE_ARMED;
  return 0;
}

/* Executes a side-effecting request at most once per (seq, CRC). */
static void execute_once(uint8_t seq, uint16_t crc, uint8_t type, const uint8_t *body, uint8_t len) {
  for (uint8_t i = 0; i < DEDUP_WINDOW; i++) {
    if (window[i].seq == seq && window[i].crc == crc) {
      reply_outcome(seq, window[i].outcome);
      return;
    }
  }
  uint8_t outcome = type == MSG_CONFIG_PIN ? config_pin(body, len)
                    : type == MSG_SET      ? set_output(body, len)
                                           : heartbeat(body, len);
  window[window_next].seq = seq;
  window[window_next].crc = crc;
  window[window_next].outcome = outcome;
  window_next = (uint8_t)((window_next + 1) % DEDUP_WINDOW);
  reply_outcome(seq, outcome);
}

void protocol_handle(const uint8_t *payload, uint8_t len) {
  if (len < 5) {
    saturating_increment(&dropped_frames);
    return;
  }
  uint16_t crc = (uint16_t)(payload[len - 2] << 8 | payload[len - 1]);
  if (crc16_ccitt_false(payload, (uint8_t)(len - 2)) != crc) {
    saturating_increment(&crc_errors); /* and silence: see the spec */
    return;
  }
  uint8_t seq = payload[1], type = payload[2];
  const uint8_t *body = payload + 3;
  uint8_t body_len = (uint8_t)(len - 5);
  last_heard = clock_millis(); /* any intact frame proves the host alive */
  if (payload[0] != TETHER_VERSION) {
    reply_outcome(seq, NACK_UNSUPPORTED_VERSION);
    return;
  }
  switch (type) {
    case MSG_HELLO:
      if (body_len != 0) {
        reply_outcome(seq, NACK_BAD_LENGTH);
        return;
      }
      /* a new host session: sequence numbers start over */
      memset(window, 0, sizeof window);
      identity(seq);
      return;
    case MSG_READ:
      if (body_len != 1) reply_outcome(seq, NACK_BAD_LENGTH);
      else if (body[0] >= PIN_COUNT || pins_capabilities(body[0]) == 0) reply_outcome(seq, NACK_BAD_PIN);
      else if (pins_mode(body[0]) == MODE_UNUSED) reply_outcome(seq, NACK_NOT_CONFIGURED);
      else report(seq, MSG_REPORT, body[0], pins_read(body[0]));
      return;
    case MSG_DIAGNOSTICS:
      if (body_len != 0) reply_outcome(seq, NACK_BAD_LENGTH);
      else diagnostics(seq);
      return;
    case MSG_CONFIG_PIN:
    case MSG_SET:
    case MSG_HEARTBEAT:
      execute_once(seq, crc, type, body, body_len);
      return;
    default:
      reply_outcome(seq, NACK_UNKNOWN_TYPE);
  }
}

void protocol_poll(void) {
  uint32_t now = clock_millis();
  if (state == STATE_ARMED && now - last_heard > timeout_ms) {
    pins_all_safe();
    state = STATE_TRIPPED;
  }
  if (now - last_scan >= EVENT_SCAN_MS) {
    last_scan = now;
    uint8_t level;
    int8_t pin;
    while ((pin = pins_next_changed_input(&level)) >= 0) {
      report(++event_seq, MSG_EVENT, (uint8_t)pin, level);
    }
  }
}
