/**
 * Finished by hand (was a generated stub): who a session token belongs to, asked of accounts
 * (`GET /api/accounts/me` on ACCOUNTS_URL, else MONOLITH_URL), so logouts and disabled users
 * take effect at once, as in the monolith.
 */
import type { AuthUser } from '../../contracts/accounts/accounts.types.ts';
import { serviceUrl } from '../runtime.ts';

export async function findUserBySessionToken(token: string): Promise<AuthUser | undefined> {
  const response = await fetch(new URL('/api/accounts/me', serviceUrl('accounts')), {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status === 401) return undefined;
  if (!response.ok) throw new Error(`accounts: GET /api/accounts/me answered ${response.status}`);
  const { user } = (await response.json()) as { user: AuthUser };
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
