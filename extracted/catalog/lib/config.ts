import path from 'node:path';

export interface ShopConfig {
  port: number;
  host: string;
  dbFile: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  sessionTtlHours: number;
  /** Shared secret the payment gateway signs its webhooks with. */
  paymentWebhookSecret: string;
  freeShippingThresholdCents: number;
  currency: string;
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

function toInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  }
  return parsed;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ShopConfig {
  const logLevel = (env.LOG_LEVEL ?? 'info') as ShopConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  return {
    port: toInt(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '127.0.0.1',
    dbFile: path.resolve(env.DB_FILE ?? './shop.db'),
    logLevel,
    sessionTtlHours: toInt(env.SESSION_TTL_HOURS, 24 * 7, 'SESSION_TTL_HOURS'),
    paymentWebhookSecret: env.PAYMENT_WEBHOOK_SECRET ?? 'whsec_local_development',
    freeShippingThresholdCents: toInt(
      env.FREE_SHIPPING_THRESHOLD_CENTS,
      10_000,
      'FREE_SHIPPING_THRESHOLD_CENTS',
    ),
    currency: env.SHOP_CURRENCY ?? 'EUR',
  };
}

let current: ShopConfig | undefined;

/** The process-wide configuration, read from the environment on first use. */
export function config(): ShopConfig {
  current ??= loadConfig();
  return current;
}

export function overrideConfig(partial: Partial<ShopConfig>): ShopConfig {
  current = { ...config(), ...partial };
  return current;
}
