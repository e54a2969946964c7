/* UART0 at 115200 8N1 (U2X, UBRR 16: +2.1 % error, as the Uno's own bootloader runs it).
   Receive is interrupt driven into a ring buffer; transmit waits on the data register. */
#ifndef TETHER_UART_H
#define TETHER_UART_H
#include <stdint.h>

#define UART_BAUD 115200UL
#define UART_RX_BUFFER 128 /* a power of two: the ISR masks the index */

void uart_init(void);
/* The next received byte, or -1 when none is waiting. */
int16_t uart_read(void);
void uart_write(const uint8_t *data, uint8_t len);
/* Bytes lost because the ring buffer was full (the main loop fell behind). */
uint16_t uart_overruns(void);
/* Bytes received with a framing error or a hardware data overrun. */
uint16_t uart_line_errors(void);

#endif
