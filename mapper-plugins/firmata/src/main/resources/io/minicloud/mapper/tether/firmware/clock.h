/* A millisecond clock from Timer0 (CTC, prescaler 64, OCR0A 249: exactly 1 kHz at 16 MHz). */
#ifndef TETHER_CLOCK_H
#define TETHER_CLOCK_H
#include <stdint.h>

void clock_init(void);
uint32_t clock_millis(void);

#endif
