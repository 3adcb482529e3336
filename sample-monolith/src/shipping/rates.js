// Carrier rate card, updated by hand each January. Prices in cents, by zone and weight band.

const ZONES = {
  domestic: ['DE'],
  eu: ['AT', 'BE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'LU', 'NL', 'PL', 'PT', 'SE'],
  europe: ['CH', 'GB', 'NO'],
};

const RATE_CARD = {
  domestic: [
    { upToGrams: 1000, standard: 490, express: 990 },
    { upToGrams: 5000, standard: 690, express: 1390 },
    { upToGrams: 31500, standard: 1090, express: 2190 },
  ],
  eu: [
    { upToGrams: 1000, standard: 990, express: 1990 },
    { upToGrams: 5000, standard: 1490, express: 2790 },
    { upToGrams: 31500, standard: 2490, express: 4490 },
  ],
  europe: [
    { upToGrams: 1000, standard: 1590, express: 2990 },
    { upToGrams: 5000, standard: 2290, express: 3990 },
    { upToGrams: 31500, standard: 3990, express: 6990 },
  ],
};

/** @param {string} country ISO 3166-1 alpha-2 */
export function zoneFor(country) {
  for (const [zone, countries] of Object.entries(ZONES)) {
    if (countries.includes(country)) return zone;
  }
  return null;
}

/**
 * @param {{ country: string, weightGrams: number, serviceLevel?: 'standard' | 'express' }} parcel
 * @returns {{ zone: string, serviceLevel: string, costCents: number, carrier: string } | null} null when we don't ship there
 */
export function quoteShipping(parcel) {
  const zone = zoneFor(parcel.country);
  if (!zone) return null;
  const level = parcel.serviceLevel ?? 'standard';
  const band = RATE_CARD[zone].find((b) => parcel.weightGrams <= b.upToGrams);
  if (!band) return null;
  return { zone, serviceLevel: level, costCents: band[level], carrier: zone === 'domestic' ? 'DHL' : 'DPD' };
}

export const SHIPPING_COUNTRIES = Object.values(ZONES).flat().sort();
