import { describe, expect, it } from 'vitest';
import { isRegistreError } from '../errors/registry.ts';
import { loadServerConfig } from './server-config.ts';

function errorOf(env: Record<string, string>): string {
  try {
    loadServerConfig(env);
    return '';
  } catch (error) {
    expect(isRegistreError(error) && error.code).toBe('REG_ERR_SERVER_CONFIG');
    return (error as Error).message;
  }
}

describe('server configuration', () => {
  it('has zero-configuration defaults', () => {
    const config = loadServerConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      storeUrl: 'sqlite:.registre/registre.db',
      sessionIdleMinutes: 15,
      outboxDir: '.registre/outbox',
      smtpUrl: null,
      publicBaseUrl: 'http://localhost:3000',
      secureCookies: false,
      policyPath: 'examples/demo/policy.yaml',
    });
  });

  it('reads the environment', () => {
    const config = loadServerConfig({
      REGISTRE_PORT: '8080',
      REGISTRE_DATABASE_URL: 'postgres://registre@db/registre',
      REGISTRE_SESSION_IDLE_MINUTES: '30',
      REGISTRE_PUBLIC_URL: 'https://privacy.example.org/',
      REGISTRE_SMTP_URL: 'smtps://user:pass@mail.example.org',
      REGISTRE_TRUST_PROXY: 'true',
      REGISTRE_ADMIN_EMAIL: 'DPO@Example.org',
    });
    expect(config).toMatchObject({
      port: 8080,
      storeUrl: 'postgres://registre@db/registre',
      sessionIdleMinutes: 30,
      publicBaseUrl: 'https://privacy.example.org',
      secureCookies: true,
      trustProxy: true,
      adminEmail: 'dpo@example.org',
    });
  });

  it('names every invalid variable and what it accepts, never echoing values', () => {
    const message = errorOf({
      REGISTRE_PORT: 'eighty',
      REGISTRE_SESSION_IDLE_MINUTES: '0',
      REGISTRE_SMTP_URL: 'http://user:s3cret@mail',
      REGISTRE_TRUST_PROXY: 'maybe',
    });
    expect(message).toContain('REGISTRE_PORT must be an integer from 0 to 65535');
    expect(message).toContain('REGISTRE_SESSION_IDLE_MINUTES must be an integer from 1 to 1440');
    expect(message).toContain('REGISTRE_SMTP_URL must start with smtp:// or smtps://');
    expect(message).toContain('REGISTRE_TRUST_PROXY must be true, false, 1 or 0');
    expect(message).not.toContain('s3cret');
    expect(message).not.toContain('eighty');
  });
});
