#include "uart.h"

#include <avr/interrupt.h>
#include <avr/io.h>
#include <util/atomic.h>

static volatile uint8_t rx[UART_RX_BUFFER];
static volatile uint8_t rx_head, rx_tail;
static volatile uint16_t overruns;
static volatile uint16_t line_errors;

void uart_init(void) {
  UCSR0A = _BV(U2X0);
  UBRR0 = (uint16_t)(F_CPU / (8UL * UART_BAUD) - 1);
  UCSR0B = _BV(RXEN0) | _BV(TXEN0) | _BV(RXCIE0);
  UCSR0C = _BV(UCSZ01) | _BV(UCSZ00);
}

ISR(USART_RX_vect) {
  uint8_t status = UCSR0A; /* before UDR0: the flags belong to the byte about to be read */
  uint8_t byte = UDR0;
  if (status & (_BV(FE0) | _BV(DOR0))) {
    line_errors++; /* a mangled byte is passed on: the frame's CRC rejects it */
  }
  uint8_t next = (uint8_t)((rx_head + 1) & (UART_RX_BUFFER - 1));
  if (next == rx_tail) {
    overruns++; /* full: drop the byte; the frame it belongs to fails its CRC and is retried */
    return;
  }
  rx[rx_head] = byte;
  rx_head = next;
}

int16_t uart_read(void) {
  if (rx_tail == rx_head) return -1;
  uint8_t byte = rx[rx_tail];
  rx_tail = (uint8_t)((rx_tail + 1) & (UART_RX_BUFFER - 1));
  return byte;
}

void uart_write(const uint8_t *data, uint8_t len) {
  while (len--) {
    loop_until_bit_is_set(UCSR0A, UDRE0);
    UDR0 = *data++;
  }
}

uint16_t uart_overruns(void) {
  uint16_t n;
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) { n = overruns; }
  return n;
}

uint16_t uart_line_errors(void) {
  uint16_t n;
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) { n = line_errors; }
  return n;
}
