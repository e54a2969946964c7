package io.minicloud.tetherbridge.northbound;

/** An MQTT subscription filter, with the standard {@code +} and {@code #} wildcards. */
record TopicFilter(String filter) {

  boolean matches(String topic) {
    String[] f = filter.split("/", -1);
    String[] t = topic.split("/", -1);
    // a filter starting with a wildcard does not match topics starting with $ (MQTT 4.7.2)
    if (topic.startsWith("$") && (f[0].equals("+") || f[0].equals("#"))) {
      return false;
    }
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        return true;
      }
      if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
        return false;
      }
    }
    return f.length == t.length;
  }
}
