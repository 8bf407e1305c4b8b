import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('runs the embedded default with no variables at all', () => {
    const config = loadConfig({}, '/repo');
    expect(config.databaseUrl).toBeNull();
    expect(config.redisUrl).toBeNull();
    expect(config.smtpUrl).toBeNull();
    expect(config.port).toBe(3000);
    expect(config.runWorkers).toBe(true);
    expect(config.seedDemo).toBe(true);
    expect(config.outboxDir).toBe('/repo/.data/outbox');
  });

  it('runs the production shape when the service URLs are given', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db/portal',
      REDIS_URL: 'redis://cache:6379',
      SMTP_URL: 'smtp://mail:1025',
    });
    expect(config.runWorkers).toBe(false);
    expect(config.seedDemo).toBe(false);
    expect(config.redisUrl).toBe('redis://cache:6379');
  });

  it.each([
    ['PORT', 'eighty', /PORT: expected a whole number/],
    ['PORT', '70000', /PORT: expected a number from 0 to 65535/],
    ['DATABASE_URL', 'mysql://x/y', /DATABASE_URL: expected a postgres: or postgresql: URL/],
    ['REDIS_URL', 'not a url', /REDIS_URL: not a valid URL/],
    ['RUN_WORKERS', 'maybe', /RUN_WORKERS: expected true or false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: expected one of/],
    ['MAIL_FROM', 'nobody', /MAIL_FROM: expected an email address/],
  ])('refuses %s=%s and names the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('trusts X-Forwarded-For only from the listed proxies', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toEqual([]);
    expect(
      loadConfig({ TRUST_PROXY: ' 10.0.3.7, 10.0.0.0/16,::1,fd00::/8,loopback' }).trustProxy,
    ).toEqual(['10.0.3.7', '10.0.0.0/16', '::1', 'fd00::/8', 'loopback']);
  });

  it.each(['true', '1', '2'])(
    'refuses TRUST_PROXY=%s at boot and says what to set instead',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
        /TRUST_PROXY: .*any client.*list the addresses or CIDRs of your reverse proxies/,
      );
    },
  );

  it.each(['0.0.0.0/0', '10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/2', '::/0', '10.0.0.300'])(
    'refuses TRUST_PROXY entry %s',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: .*not an IP address/);
    },
  );
});
