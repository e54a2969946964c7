/* The boot nonce: a 32-bit value that differs between two runs of the firmware, so the host sees
   every reset (power cycle, brown-out, watchdog, reset button, reflash). */
#ifndef TETHER_NONCE_H
#define TETHER_NONCE_H
#include <stdint.h>

/* At boot: bumps the boot counter in EEPROM and starts Timer1 free-running. */
void nonce_boot(void);
/* On the first byte from the host: mixes in the entropy sources. Later calls do nothing. */
void nonce_seal(void);
uint32_t nonce_value(void);

#endif
