package io.minicloud.mapper.modbus;

import io.minicloud.mapper.modbus.codec.ModbusRequest;
import io.minicloud.mapper.modbus.config.ModbusPointConfig;
import io.minicloud.mapper.modbus.config.RegisterType;
import java.util.List;

/** One read request covering one or more properties of the same data table. */
record ReadBlock(RegisterType register, int address, int count, List<ModbusPointConfig> points) {

  ReadBlock {
    points = List.copyOf(points);
  }

  int end() {
    return address + count;
  }

  ModbusRequest request(int unit) {
    return ModbusRequest.read(unit, register.readFunction(), address, count);
  }
}
