/* tether v1 reference firmware for the ATmega328P (Arduino Uno), 16 MHz, UART0 at 115200 8N1.
   See docs/api/tether-v1.md. */
#include <avr/interrupt.h>
#include <avr/io.h>

#include "clock.h"
#include "cobs.h"
#include "nonce.h"
#include "pins.h"
#include "protocol.h"
#include "uart.h"

#ifdef TETHER_SIMAVR
#include "avr_mcu_section.h"
AVR_MCU(F_CPU, "atmega328p"); /* tells simavr the MCU and clock; stripped from the hex */
#endif

static uint8_t encoded[MAX_ENCODED];
static uint8_t payload[MAX_PAYLOAD];

int main(void) {
  nonce_boot();
  pins_init();
  clock_init();
  uart_init();
  protocol_init();
  sei();

  uint8_t len = 0;
  uint8_t overflow = 0; /* the frame being received is too long: drop it up to its delimiter */
  for (;;) {
    int16_t c = uart_read();
    if (c >= 0) {
      protocol_byte_received();
      if (c == 0) {
        if (overflow) {
          protocol_count_dropped();
        } else if (len > 0) {
          int16_t n = cobs_decode(encoded, len, payload, sizeof payload);
          if (n > 0) protocol_handle(payload, (uint8_t)n);
          else protocol_count_dropped();
        }
        len = 0;
        overflow = 0;
      } else if (len < sizeof encoded) {
        encoded[len++] = (uint8_t)c;
      } else {
        overflow = 1;
      }
    }
    protocol_poll();
  }
}
