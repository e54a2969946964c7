#include "pins.h"

#include <avr/io.h>

static uint8_t modes[PIN_COUNT];
static uint8_t safe_values[PIN_COUNT];
static uint8_t last_input[PIN_COUNT];

static volatile uint8_t *port_of(uint8_t pin) { return pin < 8 ? &PORTD : pin < 14 ? &PORTB : &PORTC; }
static volatile uint8_t *ddr_of(uint8_t pin) { return pin < 8 ? &DDRD : pin < 14 ? &DDRB : &DDRC; }
static volatile uint8_t *in_of(uint8_t pin) { return pin < 8 ? &PIND : pin < 14 ? &PINB : &PINC; }
static uint8_t mask_of(uint8_t pin) { return (uint8_t)_BV(pin < 8 ? pin : pin < 14 ? pin - 8 : pin - 14); }

void pins_init(void) {
  ADCSRA = _BV(ADEN) | _BV(ADPS2) | _BV(ADPS1) | _BV(ADPS0); /* 125 kHz ADC clock */
}

uint8_t pins_capabilities(uint8_t pin) {
  if (pin < 2 || pin >= PIN_COUNT) return 0;
  uint8_t digital = _BV(MODE_DIGITAL_IN - 1) | _BV(MODE_DIGITAL_IN_PULLUP - 1) | _BV(MODE_DIGITAL_OUT - 1);
  return pin >= 14 ? (uint8_t)(digital | _BV(MODE_ANALOG_IN - 1)) : digital;
}

uint8_t pins_mode(uint8_t pin) { return pin < PIN_COUNT ? modes[pin] : MODE_UNUSED; }

void pins_write(uint8_t pin, uint8_t level) {
  if (level) *port_of(pin) |= mask_of(pin);
  else *port_of(pin) &= (uint8_t)~mask_of(pin);
}

void pins_configure(uint8_t pin, uint8_t mode, uint8_t safe_value) {
  uint8_t m = mask_of(pin);
  safe_values[pin] = safe_value;
  if (mode == MODE_DIGITAL_OUT) {
    if (modes[pin] != MODE_DIGITAL_OUT) {
      pins_write(pin, safe_value); /* level first, then direction: no glitch through 0 */
      *ddr_of(pin) |= m;
    }
  } else {
    *ddr_of(pin) &= (uint8_t)~m;
    if (mode == MODE_DIGITAL_IN_PULLUP) *port_of(pin) |= m;
    else *port_of(pin) &= (uint8_t)~m;
    if (pin >= 14) {
      if (mode == MODE_ANALOG_IN) DIDR0 |= m;
      else DIDR0 &= (uint8_t)~m;
    }
  }
  modes[pin] = mode;
  last_input[pin] = (*in_of(pin) & m) ? 1 : 0;
}

static uint16_t adc_convert(uint8_t admux) {
  ADMUX = admux;
  ADCSRA |= _BV(ADSC);
  loop_until_bit_is_clear(ADCSRA, ADSC);
  return ADC;
}

uint16_t pins_read(uint8_t pin) {
  if (modes[pin] == MODE_ANALOG_IN) return adc_convert((uint8_t)(_BV(REFS0) | (pin - 14)));
  if (modes[pin] == MODE_DIGITAL_OUT) return (*port_of(pin) & mask_of(pin)) ? 1 : 0;
  return (*in_of(pin) & mask_of(pin)) ? 1 : 0;
}

void pins_all_safe(void) {
  for (uint8_t pin = 0; pin < PIN_COUNT; pin++) {
    if (modes[pin] == MODE_DIGITAL_OUT) pins_write(pin, safe_values[pin]);
  }
}

int8_t pins_next_changed_input(uint8_t *level) {
  for (uint8_t pin = 2; pin < PIN_COUNT; pin++) {
    if (modes[pin] != MODE_DIGITAL_IN && modes[pin] != MODE_DIGITAL_IN_PULLUP) continue;
    uint8_t now = (*in_of(pin) & mask_of(pin)) ? 1 : 0;
    if (now != last_input[pin]) {
      last_input[pin] = now;
      *level = now;
      return (int8_t)pin;
    }
  }
  return -1;
}

uint16_t pins_adc_noise(void) {
  uint16_t noise = 0;
  for (uint8_t i = 0; i < 16; i++) {
    /* internal 1.1 V reference, temperature sensor: the LSB flickers on real silicon */
    noise = (uint16_t)((noise << 1) ^ (noise >> 15) ^ adc_convert(_BV(REFS1) | _BV(REFS0) | 8));
  }
  return noise;
}
