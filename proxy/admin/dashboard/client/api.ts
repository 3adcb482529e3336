/** The admin API, called with the bearer token kept in session storage. Nothing else is fetched. */
const TOKEN_KEY = 'strangler.adminToken';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const session = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${session.get() ?? ''}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'UNREACHABLE', 'The proxy admin port does not answer.');
  }
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; hint?: string } } | null)?.error;
    const message = [error?.message, error?.hint].filter(Boolean).join(' ');
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      message || response.statusText,
    );
  }
  return data as T;
}

export const routePath = (id: string) => `/routes/${encodeURIComponent(id)}`;
