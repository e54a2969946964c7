/*
 * virtual_board: an emulated ATmega328P (simavr) running real firmware, with UART0 on a pty.
 *
 * Usage: virtual_board FIRMWARE.hex|FIRMWARE.elf [FREQUENCY_HZ]
 *
 * stdout, one line per event (the host side parses these):
 *   PTY /dev/pts/N        UART0 is ready on this pty (open it at any baud: a pty ignores it)
 *   PIN B5 1              an output pin changed (port letter + bit, level)
 *   RESET                 the MCU was reset (stdin command)
 * stdin, one command per line:
 *   ADC n millivolts      drives analog input n (AVCC = AREF = 5000 mV)
 *   IN B0 1               drives a digital input pin
 *   RESET                 resets the MCU (power cycle: RAM cleared, firmware restarts)
 *   QUIT                  exits
 *
 * Emulated time is held to wall time (the firmware's timeouts mean what they say, and an idle
 * board does not burn a host core), unless the emulation is slower than real time.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "avr_adc.h"
#include "avr_ioport.h"
#include "sim_avr.h"
#include "sim_elf.h"
#include "sim_hex.h"
#include "uart_pty.h"

static avr_t *avr;
static uart_pty_t uart;

static void pin_changed(struct avr_irq_t *irq, uint32_t value, void *param) {
  const char *name = param;
  printf("PIN %s %u\n", name, value ? 1 : 0);
  fflush(stdout);
}

static int load(const char *path, uint32_t frequency) {
  size_t n = strlen(path);
  if (n > 4 && strcmp(path + n - 4, ".elf") == 0) {
    elf_firmware_t f = {{0}};
    if (elf_read_firmware(path, &f) != 0) return -1;
    avr = avr_make_mcu_by_name(f.mmcu[0] ? f.mmcu : "atmega328p");
    if (!avr) return -1;
    avr_init(avr);
    avr_load_firmware(avr, &f);
    if (!avr->frequency) avr->frequency = frequency;
  } else {
    ihex_chunk_p chunks;
    int count = read_ihex_chunks(path, &chunks);
    if (count <= 0) return -1;
    avr = avr_make_mcu_by_name("atmega328p");
    if (!avr) return -1;
    avr_init(avr);
    avr->frequency = frequency;
    for (int i = 0; i < count; i++) {
      if (chunks[i].baseaddr < 0x8000) avr_loadcode(avr, chunks[i].data, chunks[i].size, chunks[i].baseaddr);
    }
    free_ihex_chunks(chunks);
  }
  avr->vcc = avr->avcc = avr->aref = 5000;
  return 0;
}

static void watch_pins(void) {
  static char names[3][8][3];
  const char ports[] = "BCD";
  for (int p = 0; p < 3; p++) {
    for (int b = 0; b < 8; b++) {
      snprintf(names[p][b], 3, "%c%d", ports[p], b);
      avr_irq_t *irq = avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ(ports[p]), b);
      if (irq) avr_irq_register_notify(irq, pin_changed, names[p][b]);
    }
  }
}

static void command(char *line) {
  char port;
  int a, b;
  if (sscanf(line, "ADC %d %d", &a, &b) == 2) {
    avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_ADC0 + a), b);
  } else if (sscanf(line, "IN %c%d %d", &port, &a, &b) == 3) {
    avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ(port), a), b);
  } else if (strncmp(line, "RESET", 5) == 0) {
    avr_reset(avr);
    printf("RESET\n");
    fflush(stdout);
  } else if (strncmp(line, "QUIT", 4) == 0) {
    exit(0);
  } else {
    fprintf(stderr, "virtual_board: unknown command: %s\n", line);
  }
}

static void poll_stdin(void) {
  static char line[128];
  static size_t have;
  char c;
  ssize_t r;
  while ((r = read(0, &c, 1)) == 1) {
    if (c == '\n') {
      line[have] = 0;
      command(line);
      have = 0;
    } else if (have < sizeof line - 1) {
      line[have++] = c;
    }
  }
  if (r == 0) exit(0); /* the host closed our stdin: it is gone, so are we */
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s FIRMWARE.hex|FIRMWARE.elf [FREQUENCY_HZ]\n", argv[0]);
    return 2;
  }
  uint32_t frequency = argc > 2 ? (uint32_t)strtoul(argv[2], NULL, 10) : 16000000;
  if (load(argv[1], frequency) != 0) {
    fprintf(stderr, "virtual_board: cannot load %s\n", argv[1]);
    return 1;
  }
  uart_pty_init(avr, &uart);
  uart_pty_connect(&uart, '0');
  unlink("/tmp/simavr-uart0"); /* a fixed name shared by every board: we report our own pty */
  watch_pins();
  fcntl(0, F_SETFL, fcntl(0, F_GETFL) | O_NONBLOCK);
  printf("PTY %s\n", uart.pty.slavename);
  fflush(stdout);

  double start = now();
  avr_cycle_count_t origin = avr->cycle;
  for (;;) {
    for (int i = 0; i < 2000; i++) {
      int state = avr_run(avr);
      if (state == cpu_Done || state == cpu_Crashed) {
        fprintf(stderr, "virtual_board: MCU stopped (state %d)\n", state);
        return 1;
      }
    }
    poll_stdin();
    if (avr->cycle < origin) { /* reset: the cycle counter starts again */
      origin = avr->cycle;
      start = now();
    }
    double ahead = (double)(avr->cycle - origin) / avr->frequency - (now() - start);
    if (ahead > 0.002) usleep((useconds_t)(ahead * 1e6));
  }
}
