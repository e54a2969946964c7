/**
 * TLS for a link's transport, with nothing but the JDK: PEM CA bundles, a client identity from PEM
 * files or a PKCS#12 key store, TLS 1.2+ with host name verification, and passwords that never
 * print. It lives in the SPI module because plugins (MQTT devices) and the bridge's own northbound
 * connection need the same rules and the same error messages.
 */
package io.minicloud.mapper.api.tls;
