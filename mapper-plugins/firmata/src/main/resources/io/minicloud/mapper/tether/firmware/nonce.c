#include "nonce.h"

#include <avr/eeprom.h>
#include <avr/io.h>

#include "crc16.h"
#include "pins.h"

#define COUNTER_ADDRESS ((uint16_t *)0)

/* Not cleared by the C runtime: after power-up SRAM holds cell-specific noise. */
static uint8_t sram_noise[32] __attribute__((section(".noinit")));
static uint16_t boot_counter;
static uint32_t nonce;

void nonce_boot(void) {
  boot_counter = (uint16_t)(eeprom_read_word(COUNTER_ADDRESS) + 1);
  eeprom_update_word(COUNTER_ADDRESS, boot_counter);
  TCCR1A = 0;
  TCCR1B = _BV(CS10); /* 16 MHz, wraps every 4.1 ms */
}

void nonce_seal(void) {
  if (nonce != 0) return;
  /* The host's first byte arrives at a time the MCU cannot predict: the Timer1 count then is
     ~16 bits of jitter. SRAM and ADC noise add entropy on real silicon (simavr has none). */
  uint16_t timer = TCNT1;
  uint16_t mixed = crc16_ccitt_false(sram_noise, sizeof sram_noise) ^ pins_adc_noise() ^ timer;
  nonce = ((uint32_t)boot_counter << 16) | mixed;
  if (nonce == 0) nonce = 1; /* 0 means "no nonce yet" on both sides */
}

uint32_t nonce_value(void) { return nonce; }
