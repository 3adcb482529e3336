import { createCounters, createShopClient, type TrafficCounters } from './client.ts';
import { SCENARIOS, type ShopFacts, type Shopper } from './scenarios.ts';

const CUSTOMERS = ['ada', 'grace', 'linus', 'margaret', 'alan'].map((name) => `${name}@example.com`);

export interface TrafficGenerator {
  counters: TrafficCounters;
  /** Sends the next requests to another base URL (the proxy once it stands in front). */
  retarget(base: string): void;
  stop(): Promise<void>;
}

/**
 * Shoppers (signed-in customers, a staff member and anonymous visitors) running the shop's
 * scenarios at a steady overall rate, for as long as the walkthrough lasts.
 */
export async function startTraffic(options: {
  base: string;
  requestsPerSecond: number;
  shoppers?: number;
}): Promise<TrafficGenerator> {
  let base = options.base;
  const counters = createCounters();
  const interval = 1000 / options.requestsPerSecond;
  let next = Date.now();
  const pace = async () => {
    const now = Date.now();
    next = Math.max(next + interval, now);
    if (next - now > 0) await new Promise((resolve) => setTimeout(resolve, next - now));
  };
  const client = createShopClient(() => base, counters, pace);
  const facts = await readShopFacts(base);
  const shoppers = await signIn(base, options.shoppers ?? 10);

  let running = true;
  const loops = shoppers.map(async (shopper, index) => {
    let seed = index + 1;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    while (running) await pickScenario(random)(client, shopper, facts, pick);
  });

  return {
    counters,
    retarget: (to) => {
      base = to;
    },
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

function pickScenario(random: () => number) {
  const total = SCENARIOS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [scenario, weight] of SCENARIOS) {
    roll -= weight;
    if (roll < 0) return scenario;
  }
  return SCENARIOS[0]![0];
}

async function readShopFacts(base: string): Promise<ShopFacts> {
  const products = (await (await fetch(`${base}/api/catalog/products?pageSize=50`)).json()) as {
    items: Array<{ id: number; slug: string }>;
  };
  const body = (await (await fetch(`${base}/api/catalog/categories`)).json()) as unknown;
  const list = (Array.isArray(body) ? body : ((body as { items?: unknown[] }).items ?? [])) as Array<{
    slug: string;
  }>;
  return {
    products: products.items.map(({ id, slug }) => ({ id, slug })),
    categories: list.map((category) => category.slug),
  };
}

async function signIn(base: string, count: number): Promise<Shopper[]> {
  const login = async (email: string, password: string) => {
    const response = await fetch(`${base}/api/accounts/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    return ((await response.json()) as { token?: string }).token;
  };
  const shoppers: Shopper[] = [];
  for (let i = 0; i < count; i++) {
    if (i === 0) {
      shoppers.push({
        id: 'staff',
        email: 'staff@ferngrove.test',
        token: await login('staff@ferngrove.test', 'staff-password'),
        staff: true,
      });
    } else if (i <= CUSTOMERS.length) {
      const email = CUSTOMERS[i - 1]!;
      shoppers.push({ id: email, email, token: await login(email, 'customer-password') });
    } else {
      shoppers.push({ id: `visitor-${i}`, email: '' });
    }
  }
  return shoppers;
}
