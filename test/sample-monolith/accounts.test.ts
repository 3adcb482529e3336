import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type RunningShop, SEEDED, signIn, startShop } from './shop-server.ts';

let shop: RunningShop;

beforeAll(async () => {
  shop = await startShop();
});

afterAll(async () => {
  await shop?.stop();
});

describe('accounts', () => {
  it('registers, signs in and reads the profile, and queues a welcome email', async () => {
    const api = client(shop.baseUrl);
    const registered = await api.post('/api/accounts/register', {
      email: 'Hedy@Example.com',
      password: 'frequency-hopping',
      name: 'Hedy Kiesler',
    });
    expect(registered.status).toBe(201);
    expect(registered.body.user).toMatchObject({
      email: 'hedy@example.com',
      role: 'customer',
      status: 'active',
    });

    const hedy = await signIn(shop.baseUrl, { email: 'hedy@example.com', password: 'frequency-hopping' });
    const me = await hedy.get('/api/accounts/me');
    expect(me.body.user.name).toBe('Hedy Kiesler');
    const inbox = await hedy.get('/api/notifications');
    expect(inbox.body.items.map((n: { template: string }) => n.template)).toEqual(['welcome']);
    expect(inbox.body.items[0].subject).toBe('Welcome to Ferngrove, Hedy Kiesler!');
  });

  it('reports every invalid field of a registration in one 400', async () => {
    const res = await client(shop.baseUrl).post('/api/accounts/register', {
      email: 'not-an-email',
      password: 'short',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details).toEqual([
      { field: 'email', message: 'has an invalid format' },
      { field: 'name', message: 'is required' },
    ]);
    const weak = await client(shop.baseUrl).post('/api/accounts/register', {
      email: 'weak@example.com',
      password: 'short',
      name: 'Weak',
    });
    expect(weak.body.error.details).toEqual([
      { field: 'password', message: 'must be at least 10 characters' },
    ]);
  });

  it('refuses a taken email, a wrong password, malformed JSON and a disabled account', async () => {
    const api = client(shop.baseUrl);
    const taken = await api.post('/api/accounts/register', { ...SEEDED.ada, name: 'Ada Again' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email_taken');
    const wrong = await api.post('/api/accounts/login', {
      email: SEEDED.ada.email,
      password: 'nope-nope-nope',
    });
    expect(wrong.status).toBe(401);
    const disabled = await api.post('/api/accounts/login', {
      email: 'edsger@example.com',
      password: 'customer-password',
    });
    expect(disabled.status).toBe(401);
    const malformed = await fetch(`${shop.baseUrl}/api/accounts/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('invalid_json');
  });

  it('protects account routes and forgets a token on logout', async () => {
    expect((await client(shop.baseUrl).get('/api/accounts/me')).status).toBe(401);
    expect((await client(shop.baseUrl, 'made-up-token').get('/api/cart')).status).toBe(401);
    const grace = await signIn(shop.baseUrl, SEEDED.grace);
    expect((await grace.get('/api/accounts/me')).status).toBe(200);
    expect((await grace.post('/api/accounts/logout')).status).toBe(204);
    expect((await grace.get('/api/accounts/me')).status).toBe(401);
  });

  it('manages saved addresses through the nested router', async () => {
    const alan = await signIn(shop.baseUrl, SEEDED.alan);
    const before = await alan.get('/api/accounts/me/addresses');
    expect(before.body.items).toHaveLength(1);
    const invalid = await alan.post('/api/accounts/me/addresses', { recipient: 'Alan', country: 'France' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'line1',
      'city',
      'postalCode',
      'country',
    ]);
    const created = await alan.post('/api/accounts/me/addresses', {
      label: 'cabin',
      recipient: 'Alan Moreau',
      line1: 'Chemin du Lac 3',
      city: 'Annecy',
      postalCode: '74000',
      country: 'FR',
      isDefault: true,
    });
    expect(created.status).toBe(201);
    const after = await alan.get('/api/accounts/me/addresses');
    expect(
      after.body.items.map((a: { label: string; isDefault: boolean }) => [a.label, a.isDefault]),
    ).toEqual([
      ['cabin', true],
      ['home', false],
    ]);
    expect((await alan.delete(`/api/accounts/me/addresses/${created.body.address.id}`)).status).toBe(204);
    expect((await alan.delete(`/api/accounts/me/addresses/${created.body.address.id}`)).status).toBe(404);
    // Someone else's address is invisible.
    expect((await alan.patch('/api/accounts/me/addresses/1', { city: 'Lyon' })).status).toBe(404);
  });
});
