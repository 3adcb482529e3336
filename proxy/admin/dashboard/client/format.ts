/** Number and time formatting shared by the views. */
export function percent(rate: number | null, digits = 1): string {
  if (rate === null || !Number.isFinite(rate)) return '–';
  const value = rate * 100;
  return `${value >= 99.95 && value < 100 ? value.toFixed(2) : value.toFixed(value === 100 || value === 0 ? 0 : digits)}%`;
}
export function perSecond(value: number | null): string {
  if (value === null) return '–';
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}
export function ms(value: number | null): string {
  return value === null ? '–' : `${value} ms`;
}
export function count(value: number): string {
  return value.toLocaleString('en-US');
}
export function time(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString('en-GB', { hour12: false });
}
export function minute(iso: string): string {
  return time(iso).slice(0, 5);
}
export function setting(s: { mode: string; percent: number; service: string | null } | null): string {
  if (!s) return '–';
  const to = s.service ? ` → ${s.service}` : '';
  return s.mode === 'canary' ? `canary ${s.percent}%${to}` : `${s.mode}${s.mode === 'monolith' ? '' : to}`;
}
