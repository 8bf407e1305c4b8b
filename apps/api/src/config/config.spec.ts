import { describe, expect, it } from '@jest/globals';
import { ConfigError, isLoopbackHost, loadConfig } from './config.js';

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

  describe('who can reach the portal', () => {
    const KEYS = { APP_SECRET_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}` };

    it('listens on loopback unless HOST says otherwise, and then runs the demo', () => {
      const config = loadConfig(KEYS, '/repo');
      expect(config.host).toBe('127.0.0.1');
      expect(config.loopbackOnly).toBe(true);
      expect(config.seedDemo).toBe(true);
      expect(config.staffSecondFactorRequired).toBe(false);
    });

    it('on a network interface seeds no demo and asks staff for a second factor', () => {
      const config = loadConfig({ ...KEYS, HOST: '0.0.0.0' }, '/repo');
      expect(config.loopbackOnly).toBe(false);
      expect(config.seedDemo).toBe(false);
      expect(config.staffSecondFactorRequired).toBe(true);
    });

    it.each(['0.0.0.0', '::', '10.1.2.3', 'portal.example.org'])(
      'refuses SEED_DEMO=true with HOST=%s and names both variables',
      (host) => {
        const load = () => loadConfig({ ...KEYS, HOST: host, SEED_DEMO: 'true' }, '/repo');
        expect(load).toThrow(ConfigError);
        expect(load).toThrow(/SEED_DEMO: .*HOST=/);
        expect(load).toThrow(/DANGEROUSLY_ALLOW_DEMO_ON_NETWORK/);
      },
    );

    it('refuses staff sign-in without a second factor beyond loopback', () => {
      const load = () =>
        loadConfig({ ...KEYS, HOST: '0.0.0.0', STAFF_SECOND_FACTOR_REQUIRED: 'false' }, '/repo');
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/STAFF_SECOND_FACTOR_REQUIRED: .*HOST=0\.0\.0\.0/);
    });

    it('lets a throw-away demo onto the network only with the loud override', () => {
      const config = loadConfig(
        { ...KEYS, HOST: '0.0.0.0', SEED_DEMO: 'true', DANGEROUSLY_ALLOW_DEMO_ON_NETWORK: 'true' },
        '/repo',
      );
      expect(config.seedDemo).toBe(true);
      expect(config.demoOnNetworkAllowed).toBe(true);
      // Staff still need a second factor unless that is switched off too.
      expect(config.staffSecondFactorRequired).toBe(true);
    });

    it('asks staff for a second factor in the production shape, demo or not', () => {
      const production = {
        ...KEYS,
        DATABASE_URL: 'postgres://u@db/portal',
        NODE_ENV: 'production',
      };
      expect(loadConfig(production).staffSecondFactorRequired).toBe(true);
      // The browser tests' server: loopback, SEED_DEMO=true, NODE_ENV=production.
      const e2e = loadConfig({ ...production, HOST: '127.0.0.1', SEED_DEMO: 'true' });
      expect(e2e.seedDemo).toBe(true);
      expect(e2e.staffSecondFactorRequired).toBe(true);
      const embeddedE2e = loadConfig(
        { ...KEYS, NODE_ENV: 'production', HOST: '127.0.0.1', SEED_DEMO: 'true' },
        '/repo',
      );
      expect(embeddedE2e.staffSecondFactorRequired).toBe(false);
    });

    it.each([
      ['127.0.0.1', true],
      ['127.8.9.10', true],
      ['::1', true],
      ['[::1]', true],
      ['localhost', true],
      ['0.0.0.0', false],
      ['::', false],
      ['192.168.1.20', false],
      ['128.0.0.1', false],
    ])('counts HOST=%s as loopback only: %s', (host, loopback) => {
      expect(isLoopbackHost(host)).toBe(loopback);
    });
  });
});
