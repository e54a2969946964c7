"""A pymodbus 3.0 slave for the Modbus mapper's peer tests (driven by PymodbusPeer.java).

Usage: /usr/bin/python3 pymodbus_slave.py CONFIG.json

CONFIG: {"mode": "tcp" | "rtu-over-tcp" | "rtu", "port": 5020, "device": "/tmp/x/a",
         "size": 1000, "broadcast": false,
         "units": {"1": {"hr": {"0": 16800}, "ir": {}, "co": {"3": 1}, "di": {}}}}

Unit ids not listed do not answer at all (ignore_missing_slaves), like a dead unit on a bus.
Prints READY once it serves.
"""
import asyncio
import json
import logging
import sys

from pymodbus.datastore import (
    ModbusSequentialDataBlock,
    ModbusServerContext,
    ModbusSlaveContext,
)
from pymodbus.server import StartAsyncSerialServer, StartAsyncTcpServer
from pymodbus.transaction import ModbusRtuFramer, ModbusSocketFramer


def block(size, values):
    data = [0] * size
    for address, value in values.items():
        data[int(address)] = int(value)
    return ModbusSequentialDataBlock(0, data)


def context(config):
    size = config.get("size", 1000)
    slaves = {}
    for unit, tables in config["units"].items():
        slaves[int(unit)] = ModbusSlaveContext(
            di=block(size, tables.get("di", {})),
            co=block(size, tables.get("co", {})),
            hr=block(size, tables.get("hr", {})),
            ir=block(size, tables.get("ir", {})),
            zero_mode=True,
        )
    return ModbusServerContext(slaves=slaves, single=False)


async def main(config):
    common = {
        "context": context(config),
        "ignore_missing_slaves": True,
        "broadcast_enable": config.get("broadcast", False),
        "defer_start": True,
    }
    if config["mode"] == "rtu":
        server = await StartAsyncSerialServer(
            framer=ModbusRtuFramer, port=config["device"], baudrate=19200, parity="N",
            **common)
        await server.start()
        print("READY", flush=True)
        await server.serve_forever()
    else:
        framer = ModbusRtuFramer if config["mode"] == "rtu-over-tcp" else ModbusSocketFramer
        server = await StartAsyncTcpServer(
            framer=framer, address=("127.0.0.1", config["port"]),
            allow_reuse_address=True, **common)
        task = asyncio.create_task(server.serve_forever())
        await server.serving
        print("READY", flush=True)
        await task


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, stream=sys.stdout)
    with open(sys.argv[1], encoding="utf-8") as f:
        asyncio.run(main(json.load(f)))
