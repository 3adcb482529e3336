export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';

export interface ShipTo {
  recipient: string;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  country: string;
}

export interface OrderRow {
  id: number;
  order_number: string;
  user_id: number;
  status: OrderStatus;
  subtotal_cents: number;
  discount_cents: number;
  shipping_cents: number;
  total_cents: number;
  currency: string;
  ship_to_json: string;
  coupon_code: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrderItemRow {
  id: number;
  order_id: number;
  product_id: number;
  sku: string;
  name: string;
  quantity: number;
  unit_price_cents: number;
}

/** What the rest of checkout (shipping, notifications) needs to know about a new order. */
export interface PlacedOrder {
  id: number;
  orderNumber: string;
  userId: number;
  totalCents: number;
  shippingCents: number;
  currency: string;
  weightGrams: number;
  shipTo: ShipTo;
}

export interface CheckoutInput {
  paymentToken: string;
  addressId?: number;
  shipTo?: ShipTo;
}
