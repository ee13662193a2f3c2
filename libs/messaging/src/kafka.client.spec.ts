import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { kafkaSecurity } from './kafka.client';

describe('Kafka client security from the environment', () => {
  it('is plaintext when nothing is set', () => {
    expect(kafkaSecurity({})).toEqual({});
  });

  it('authenticates with SCRAM from a password or a mounted file, and uses TLS with a CA file', () => {
    expect(kafkaSecurity({ KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512', KAFKA_USERNAME: 'intake', KAFKA_PASSWORD: 's3cret' })).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'intake', password: 's3cret' },
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-client-'));
    fs.writeFileSync(path.join(dir, 'password'), 'from-file\n');
    fs.writeFileSync(path.join(dir, 'ca.crt'), '-----BEGIN CERTIFICATE-----\n');
    expect(
      kafkaSecurity({
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_USERNAME: 'intake',
        KAFKA_PASSWORD_FILE: path.join(dir, 'password'),
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: path.join(dir, 'ca.crt'),
      }),
    ).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'intake', password: 'from-file' },
      ssl: { ca: ['-----BEGIN CERTIFICATE-----\n'], rejectUnauthorized: true },
    });
    fs.rmSync(dir, { recursive: true });
  });

  it('refuses half a configuration rather than connecting without authentication', () => {
    expect(() => kafkaSecurity({ KAFKA_USERNAME: 'intake', KAFKA_PASSWORD: 'x' })).toThrow(/KAFKA_SASL_MECHANISM is not/);
    expect(() => kafkaSecurity({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_PASSWORD: 'x' })).toThrow(/KAFKA_USERNAME/);
    expect(() => kafkaSecurity({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: 'intake' })).toThrow(/KAFKA_PASSWORD/);
    expect(() => kafkaSecurity({ KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_USERNAME: 'a', KAFKA_PASSWORD: 'b' })).toThrow(/not one of/);
    expect(() => kafkaSecurity({ KAFKA_SSL: 'yes' })).toThrow(/true or false/);
    expect(() => kafkaSecurity({ KAFKA_SSL_CA_FILE: '/ca.crt' })).toThrow(/KAFKA_SSL is not true/);
  });
});
