import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { Kafka, KafkaConfig, logLevel, LogEntry, SASLOptions } from 'kafkajs';
import { Logger } from '@nestjs/common';
import { kafkaBrokers } from '@filing/runtime';

const LEVELS: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/**
 * A kafkajs client whose logs go through the service's JSON logger. Each process gets a distinct client id. The
 * consumer, the producer and the broker probe set their own retry policy; callers decide what a long outage means.
 */
export function createKafka(clientName: string, overrides: Partial<Pick<KafkaConfig, 'retry' | 'connectionTimeout' | 'requestTimeout'>> = {}): Kafka {
  const logger = new Logger('kafkajs');
  return new Kafka({
    clientId: `${clientName}-${hostname()}-${process.pid}`,
    brokers: kafkaBrokers(),
    ...kafkaSecurity(),
    connectionTimeout: 5000,
    requestTimeout: 15000,
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        logger[LEVELS[level] ?? 'log']({ msg: message, ...extra });
      },
    ...overrides,
  });
}

const MECHANISMS = { 'scram-sha-512': 'scram-sha-512', 'scram-sha-256': 'scram-sha-256', plain: 'plain' } as const;

/**
 * Authentication and transport security from the environment (ADR 0013). KAFKA_SASL_MECHANISM (scram-sha-512, or
 * scram-sha-256 / plain) with KAFKA_USERNAME and KAFKA_PASSWORD, or KAFKA_PASSWORD_FILE (a mounted Secret);
 * KAFKA_SSL=true for TLS, KAFKA_SSL_CA_FILE for a private CA (Strimzi's cluster CA). Nothing set: plaintext, as the
 * local broker runs. A half-configured client is a start-up error, never a silent fallback to no authentication.
 */
export function kafkaSecurity(env: NodeJS.ProcessEnv = process.env): Pick<KafkaConfig, 'sasl' | 'ssl'> {
  const out: Pick<KafkaConfig, 'sasl' | 'ssl'> = {};
  const mechanism = env.KAFKA_SASL_MECHANISM?.trim().toLowerCase();
  if (mechanism) {
    const m = MECHANISMS[mechanism as keyof typeof MECHANISMS];
    if (!m) throw new Error(`configuration: KAFKA_SASL_MECHANISM ${env.KAFKA_SASL_MECHANISM} is not one of ${Object.keys(MECHANISMS).join(', ')}`);
    const username = env.KAFKA_USERNAME?.trim();
    if (!username) throw new Error('configuration: KAFKA_SASL_MECHANISM is set but KAFKA_USERNAME is not');
    let password = env.KAFKA_PASSWORD;
    if (!password && env.KAFKA_PASSWORD_FILE) password = readFileSync(env.KAFKA_PASSWORD_FILE, 'utf8').replace(/\r?\n$/, '');
    if (!password) throw new Error('configuration: KAFKA_SASL_MECHANISM is set but neither KAFKA_PASSWORD nor KAFKA_PASSWORD_FILE is');
    out.sasl = { mechanism: m, username, password } as SASLOptions;
  } else if (env.KAFKA_USERNAME || env.KAFKA_PASSWORD || env.KAFKA_PASSWORD_FILE) {
    throw new Error('configuration: Kafka credentials are set but KAFKA_SASL_MECHANISM is not (e.g. scram-sha-512)');
  }
  const ssl = env.KAFKA_SSL?.trim().toLowerCase();
  if (ssl && !['true', 'false'].includes(ssl)) throw new Error(`configuration: KAFKA_SSL must be true or false, got ${env.KAFKA_SSL}`);
  if (ssl === 'true')
    out.ssl = env.KAFKA_SSL_CA_FILE ? { ca: [readFileSync(env.KAFKA_SSL_CA_FILE, 'utf8')], rejectUnauthorized: true } : { rejectUnauthorized: true };
  else if (env.KAFKA_SSL_CA_FILE) throw new Error('configuration: KAFKA_SSL_CA_FILE is set but KAFKA_SSL is not true');
  return out;
}
