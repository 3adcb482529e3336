export interface Money {
  amountCents: number;
  currency: string;
  formatted: string;
}

const SYMBOLS: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };

export function formatCents(amountCents: number, currency = 'EUR'): string {
  const sign = amountCents < 0 ? '-' : '';
  const abs = Math.abs(amountCents);
  const units = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${SYMBOLS[currency] ?? `${currency} `}${units}.${cents}`;
}

export function toMoney(amountCents: number, currency = 'EUR'): Money {
  return { amountCents, currency, formatted: formatCents(amountCents, currency) };
}

/** Percent discounts round down to the cent, in the customer's favour never more than asked. */
export function percentOf(amountCents: number, percent: number): number {
  return Math.floor((amountCents * percent) / 100);
}
