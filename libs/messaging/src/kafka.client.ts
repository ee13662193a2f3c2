import { hostname } from 'node:os';
import { Kafka, logLevel, LogEntry } from 'kafkajs';
import { Logger } from '@nestjs/common';
import { kafkaBrokers } from '@filing/runtime';

const LEVELS: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/** A kafkajs client whose logs go through the service's JSON logger. Each process gets a distinct client id. */
export function createKafka(clientName: string): Kafka {
  const logger = new Logger('kafkajs');
  return new Kafka({
    clientId: `${clientName}-${hostname()}-${process.pid}`,
    brokers: kafkaBrokers(),
    connectionTimeout: 5000,
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        logger[LEVELS[level] ?? 'log']({ msg: message, ...extra });
      },
  });
}
