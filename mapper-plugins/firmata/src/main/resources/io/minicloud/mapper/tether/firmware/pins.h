/* The Arduino Uno's pins as tether v1 numbers them: 0-7 = PD0-PD7, 8-13 = PB0-PB5,
   14-19 = PC0-PC5 (A0-A5). Pins 0 and 1 carry the UART and cannot be configured. */
#ifndef TETHER_PINS_H
#define TETHER_PINS_H
#include <stdint.h>

#define PIN_COUNT 20

/* Pin modes on the wire; a capability mask has bit (mode - 1) set for each mode a pin supports. */
#define MODE_UNUSED 0
#define MODE_DIGITAL_IN 1
#define MODE_DIGITAL_IN_PULLUP 2
#define MODE_DIGITAL_OUT 3
#define MODE_ANALOG_IN 4

void pins_init(void);
uint8_t pins_capabilities(uint8_t pin);
uint8_t pins_mode(uint8_t pin);
/* Configures a pin (the caller checked the capability). An output that was not yet an output
   starts at its safe value; re-configuring an output keeps its level and only updates the safe
   value, so a host that re-attaches does not glitch what it drives. */
void pins_configure(uint8_t pin, uint8_t mode, uint8_t safe_value);
void pins_write(uint8_t pin, uint8_t level);
/* Digital level (inputs, and the driven level of outputs) or the 10-bit ADC value. */
uint16_t pins_read(uint8_t pin);
/* Drives every configured output to its declared safe value. */
void pins_all_safe(void);
/* Finds a digital input whose level changed since the last call; returns its pin or -1. */
int8_t pins_next_changed_input(uint8_t *level);
/* A few bits of ADC noise (internal temperature sensor LSBs), for the boot nonce. */
uint16_t pins_adc_noise(void);

#endif
