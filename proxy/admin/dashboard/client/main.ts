/**
 * The dashboard's entry: sign-in (token in session storage), a hash router (`#/` overview,
 * `#/route/<id>` one route) and polling of the admin API every few seconds without reload.
 */
import { ApiError, call, session } from './api.ts';
import { byId, field, fill, h } from './dom.ts';
import * as f from './format.ts';
import type { RouteChange, RouteDiffReport, RoutesAnswer, Snapshot, StatsAnswer } from './model.ts';
import { CHART_MINUTES, createOverview } from './overview.ts';
import { createRoutePage } from './route-page.ts';

const POLL_MS = 2000;
const main = byId('main');
const status = byId('top-status');
const signOut = byId<HTMLButtonElement>('sign-out');

interface View {
  element: HTMLElement;
  update(now: Snapshot, previous: Snapshot | null, history: RouteChange[]): void;
}
let view: View | null = null;
let viewRoute: string | null = null;
let previous: Snapshot | null = null;
let latest: Snapshot | null = null;
let timer: number | undefined;
let polling: Promise<void> | null = null;

function showLogin(message?: string): void {
  window.clearTimeout(timer);
  view = null;
  signOut.hidden = true;
  status.textContent = '';
  const input = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    required: true,
  });
  const error = h('p', { class: 'error', id: 'login-error', role: 'alert' }, message ?? '');
  const form = h(
    'form',
    { class: 'card login', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Sign in'),
    h(
      'p',
      { class: 'muted' },
      'Use an admin token of this proxy. It is kept in this tab only (session storage).',
    ),
    field('Admin token', input),
    error,
    h('button', { type: 'submit' }, 'Sign in'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    session.set(input.value.trim());
    // One request checks the token, so a wrong one costs one 401, not a round of them.
    try {
      await call('GET', '/routes');
    } catch (failure) {
      session.clear();
      fill(
        error,
        failure instanceof ApiError && failure.status === 401
          ? 'That token was refused (401).'
          : (failure as Error).message,
      );
      input.focus();
      return;
    }
    void start();
  });
  fill(main, form);
  input.focus();
}

async function fetchSnapshot(): Promise<Snapshot> {
  const [table, stats, diffs] = await Promise.all([
    call<RoutesAnswer>('GET', '/routes'),
    call<StatsAnswer>('GET', `/stats?minutes=${CHART_MINUTES}`),
    call<RouteDiffReport[]>('GET', '/diffs'),
  ]);
  return { table, stats, diffs, at: Date.now() };
}

function routeFromHash(): string | null {
  const match = /^#\/route\/(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]!) : null;
}

function mountView(): void {
  const route = routeFromHash();
  if (view && route === viewRoute) return;
  viewRoute = route;
  view = route ? createRoutePage(route, () => poll()) : createOverview();
  document.title = 'strangler · migration dashboard';
  fill(main, view.element);
  if (latest) void poll();
  if (route) byId('route-title').focus();
}

/** One round: fetch, render, schedule the next. Concurrent callers share the round in flight. */
function poll(): Promise<void> {
  polling ??= (async () => {
    window.clearTimeout(timer);
    try {
      const now = await fetchSnapshot();
      const history = await call<RouteChange[]>(
        'GET',
        viewRoute ? `/history?route=${encodeURIComponent(viewRoute)}&limit=50` : '/history?limit=20',
      );
      if (latest && now.at - latest.at >= 1000) previous = latest;
      latest = now;
      view?.update(now, previous, history);
      status.textContent = `revision ${now.table.revision} · updated ${f.time(new Date(now.at).toISOString())}`;
      status.classList.remove('stale');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        session.clear();
        showLogin('That token was refused (401).');
        return;
      }
      status.textContent = `connection problem: ${(error as Error).message}`;
      status.classList.add('stale');
    } finally {
      polling = null;
    }
    timer = window.setTimeout(() => void poll(), POLL_MS);
  })();
  return polling;
}

async function start(): Promise<void> {
  if (!session.get()) {
    showLogin();
    return;
  }
  signOut.hidden = false;
  view = null;
  mountView();
  await poll();
}

signOut.addEventListener('click', () => {
  session.clear();
  showLogin('Signed out.');
});
window.addEventListener('hashchange', () => {
  if (session.get()) mountView();
});
void start();
