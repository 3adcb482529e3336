// Email templates, still plain JS from when marketing edited them directly.

/** @type {Record<string, { subject: (p: any) => string, body: (p: any) => string, transactional: boolean }>} */
const TEMPLATES = {
  welcome: {
    subject: (p) => `Welcome to Ferngrove, ${p.name}!`,
    body: (p) => `Hi ${p.name}, your account is ready. Happy shopping!`,
    transactional: true,
  },
  order_confirmed: {
    subject: (p) => `Order ${p.orderNumber} confirmed`,
    body: (p) => `We received your order ${p.orderNumber} for ${p.total}. We'll email you when it ships.`,
    transactional: true,
  },
  order_cancelled: {
    subject: (p) => `Order ${p.orderNumber} cancelled`,
    body: (p) => `Your order ${p.orderNumber} was cancelled. Any payment will be refunded within 5 days.`,
    transactional: true,
  },
  shipment_update: {
    subject: (p) => `Your parcel is ${String(p.status).replaceAll('_', ' ')}`,
    body: (p) => `Tracking ${p.trackingNumber}: ${p.description}`,
    transactional: true,
  },
  refund_issued: {
    subject: (p) => `Refund of ${p.amount} issued`,
    body: (p) => `We refunded ${p.amount} for order ${p.orderNumber}.`,
    transactional: true,
  },
  review_published: {
    subject: () => 'Your review is live',
    body: (p) => `Thanks! Your review of ${p.productName} is now visible to other shoppers.`,
    transactional: false,
  },
};

/** @param {string} name */
export function isKnownTemplate(name) {
  return Object.hasOwn(TEMPLATES, name);
}

/** @param {string} name */
export function isTransactional(name) {
  return TEMPLATES[name]?.transactional ?? false;
}

/**
 * @param {string} name
 * @param {Record<string, unknown>} payload
 * @returns {{ subject: string, body: string }}
 */
export function renderTemplate(name, payload) {
  const template = TEMPLATES[name];
  if (!template) throw new Error(`Unknown notification template: ${name}`);
  return { subject: template.subject(payload), body: template.body(payload) };
}
