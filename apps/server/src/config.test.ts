import { describe, expect, it } from 'vitest';
import { MIN_ADMIN_TOKEN_LENGTH, readConfig } from './config.js';

describe('settings', () => {
  it(`refuses an ADMIN_TOKEN shorter than ${MIN_ADMIN_TOKEN_LENGTH} characters`, () => {
    expect(() => readConfig({ ADMIN_TOKEN: 'a' })).toThrow(/at least 32 characters/);
    expect(() => readConfig({ ADMIN_TOKEN: 'x'.repeat(31) })).toThrow(/ADMIN_TOKEN/);
    expect(readConfig({ ADMIN_TOKEN: 'x'.repeat(32) }).adminToken).toBe('x'.repeat(32));
    expect(readConfig({ ADMIN_TOKEN: '' }).adminToken).toBeUndefined();
  });

  it('listens on loopback unless HOST says otherwise', () => {
    expect(readConfig({}).host).toBe('127.0.0.1');
    expect(readConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('states its limits: 1 MiB bodies, 64 MiB uploads, 10 s for headers, 30 s for a request', () => {
    expect(readConfig({})).toMatchObject({
      maxBodyBytes: 1024 * 1024,
      maxUploadBytes: 64 * 1024 * 1024,
      headersTimeoutMs: 10_000,
      bodyTimeoutMs: 30_000,
      maxConnections: 1_000,
      metricsToken: undefined,
      metricsPort: undefined,
    });
    expect(() => readConfig({ MAX_CONNECTIONS: '0' })).toThrow(/MAX_CONNECTIONS/);
    expect(() => readConfig({ HEADERS_TIMEOUT_MS: '5000', BODY_TIMEOUT_MS: '1000' })).toThrow(
      /BODY_TIMEOUT_MS/,
    );
  });
});
