-- Demo data for a fresh database. Fixed values only: every machine gets the same rows.
-- Passwords: admin@ferngrove.test / admin-password, staff@ferngrove.test / staff-password,
-- every customer (ada@example.com, grace@example.com, ...) / customer-password.

INSERT INTO users (id, email, password_hash, name, role, status, created_at) VALUES
  (1, 'admin@ferngrove.test', 'scrypt$a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1$3e2c8b05ff4d9cbc6aedd826e112a4aa110169fff55b749cbb06b4ee4981403b', 'Ines Albers', 'admin', 'active', '2020-03-02T09:00:00.000Z'),
  (2, 'staff@ferngrove.test', 'scrypt$b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2$5080fafeafff6903fbad0acd254e7872b36bcb0b5cc29bbe7a88b138f1e2786b', 'Samir Haddad', 'staff', 'active', '2020-06-15T09:00:00.000Z'),
  (3, 'ada@example.com', 'scrypt$0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a$fddeeee01d4d3ce342e7c53a5e159ae300c4af2b640119cb50c1e73626697427', 'Ada Brandt', 'customer', 'active', '2021-01-11T18:22:00.000Z'),
  (4, 'grace@example.com', 'scrypt$0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b$ebb75bdc39a7f5529fa5b117bf6de4b828e76fef263c9e10e64345579618a091', 'Grace Okafor', 'customer', 'active', '2021-05-30T07:45:00.000Z'),
  (5, 'linus@example.com', 'scrypt$0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c$a905a321a2a574dfc573aace0131e700d08a4377a4d7f40d328d21610c758565', 'Linus Virtanen', 'customer', 'active', '2022-02-03T12:10:00.000Z'),
  (6, 'margaret@example.com', 'scrypt$0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d$d3ab8340ff9293864fdf49a112bfc6b76c50faab878ecea2883bf99d0849a35f', 'Margaret Hale', 'customer', 'active', '2022-09-19T20:05:00.000Z'),
  (7, 'alan@example.com', 'scrypt$0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e$6139da3fb9051c1959b24c37869d70d072a8f7f154e74da94b5224b51eb7fbb5', 'Alan Moreau', 'customer', 'active', '2023-04-07T10:30:00.000Z'),
  (8, 'edsger@example.com', 'scrypt$0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f$259bce534e8fc4b00be11d43b732110c76d3671b9aafcd56a1bc993e634b5d93', 'Edsger de Vries', 'customer', 'disabled', '2023-11-21T16:00:00.000Z');

INSERT INTO addresses (id, user_id, label, recipient, line1, line2, city, postal_code, country, is_default) VALUES
  (1, 3, 'home', 'Ada Brandt', 'Kastanienallee 12', NULL, 'Berlin', '10435', 'DE', 1),
  (2, 3, 'work', 'Ada Brandt', 'Friedrichstraße 68', '3. OG', 'Berlin', '10117', 'DE', 0),
  (3, 4, 'home', 'Grace Okafor', 'Prinsengracht 263', NULL, 'Amsterdam', '1016 GV', 'NL', 1),
  (4, 5, 'home', 'Linus Virtanen', 'Mannerheimintie 5', NULL, 'Helsinki', '00100', 'FI', 1),
  (5, 6, 'home', 'Margaret Hale', 'Schwanthalerstraße 40', NULL, 'München', '80336', 'DE', 1),
  (6, 7, 'home', 'Alan Moreau', '14 Rue des Martyrs', NULL, 'Paris', '75009', 'FR', 1);

INSERT INTO categories (id, slug, name, parent_id) VALUES
  (1, 'outdoor', 'Outdoor', NULL),
  (2, 'tents', 'Tents & Shelters', 1),
  (3, 'backpacks', 'Backpacks', 1),
  (4, 'sleeping', 'Sleeping', 1),
  (5, 'kitchen', 'Kitchen', NULL),
  (6, 'cookware', 'Cookware', 5),
  (7, 'coffee', 'Coffee', 5),
  (8, 'home', 'Home', NULL),
  (9, 'lighting', 'Lighting', 8),
  (10, 'textiles', 'Textiles', 8);

INSERT INTO products (id, sku, slug, name, description, category_id, price_cents, currency, weight_grams, status, created_at, updated_at) VALUES
  (1, 'TENT-2P-ALP', 'alpine-2-person-tent', 'Alpine 2-Person Tent', 'Freestanding four-season tent with two vestibules.', 2, 24900, 'EUR', 2300, 'active', '2020-04-01T10:00:00.000Z', '2024-02-11T09:30:00.000Z'),
  (2, 'TENT-4P-FAM', 'family-dome-tent-4', 'Family Dome Tent (4P)', 'Roomy dome tent that pitches in ten minutes.', 2, 38900, 'EUR', 6200, 'active', '2020-04-01T10:05:00.000Z', '2023-05-02T08:00:00.000Z'),
  (3, 'TENT-UL-1P', 'ultralight-trekking-tent', 'Ultralight Trekking Tent', 'Single-wall shelter pitched with trekking poles.', 2, 32900, 'EUR', 980, 'active', '2021-03-15T11:00:00.000Z', '2021-03-15T11:00:00.000Z'),
  (4, 'PACK-38L-TRK', 'trekking-backpack-38l', 'Trekking Backpack 38L', 'Ventilated back system, hip-belt pockets, rain cover pocket.', 3, 14900, 'EUR', 1350, 'active', '2020-04-02T09:00:00.000Z', '2022-08-19T14:00:00.000Z'),
  (5, 'PACK-22L-DAY', 'daypack-22l', 'Daypack 22L', 'Light daypack with hydration sleeve.', 3, 6900, 'EUR', 640, 'active', '2020-04-02T09:10:00.000Z', '2020-04-02T09:10:00.000Z'),
  (6, 'PACK-65L-EXP', 'expedition-pack-65l', 'Expedition Pack 65L', 'Load-carrying pack for multi-week trips.', 3, 22900, 'EUR', 2100, 'active', '2021-09-01T08:00:00.000Z', '2021-09-01T08:00:00.000Z'),
  (7, 'SLEEP-BAG-3S', 'three-season-sleeping-bag', 'Three-Season Sleeping Bag', 'Down-free synthetic fill, comfort rating -2 °C.', 4, 12900, 'EUR', 1200, 'active', '2020-05-10T10:00:00.000Z', '2020-05-10T10:00:00.000Z'),
  (8, 'SLEEP-MAT-INF', 'insulated-sleeping-mat', 'Insulated Sleeping Mat', 'R-value 4.2, packs to the size of a water bottle.', 4, 8900, 'EUR', 560, 'active', '2020-05-10T10:10:00.000Z', '2023-01-04T10:00:00.000Z'),
  (9, 'SLEEP-PIL-CMP', 'camping-pillow', 'Camping Pillow', 'Inflatable pillow with a brushed cover.', 4, 2400, 'EUR', 120, 'active', '2020-05-10T10:20:00.000Z', '2020-05-10T10:20:00.000Z'),
  (10, 'COOK-SKL-CI', 'cast-iron-skillet-26cm', 'Cast Iron Skillet 26cm', 'Pre-seasoned, oven safe, lasts a lifetime.', 6, 4900, 'EUR', 2800, 'active', '2020-09-01T10:00:00.000Z', '2020-09-01T10:00:00.000Z'),
  (11, 'COOK-DO-5L', 'enamel-dutch-oven-5l', 'Enamel Dutch Oven 5L', 'Enamelled cast iron for slow braises and bread.', 6, 11900, 'EUR', 4900, 'active', '2020-09-01T10:05:00.000Z', '2024-10-01T07:00:00.000Z'),
  (12, 'COOK-PAN-SS', 'stainless-saute-pan', 'Stainless Sauté Pan', 'Tri-ply stainless steel, 28cm with lid.', 6, 7900, 'EUR', 1600, 'active', '2021-02-20T10:00:00.000Z', '2021-02-20T10:00:00.000Z'),
  (13, 'COOK-SET-CMP', 'camping-cook-set', 'Camping Cook Set', 'Nesting aluminium pots with a folding handle.', 6, 5400, 'EUR', 780, 'active', '2021-02-20T10:10:00.000Z', '2021-02-20T10:10:00.000Z'),
  (14, 'COFF-GRD-BUR', 'burr-coffee-grinder', 'Burr Coffee Grinder', 'Conical steel burrs, 40 grind settings.', 7, 8900, 'EUR', 1900, 'active', '2021-06-01T10:00:00.000Z', '2021-06-01T10:00:00.000Z'),
  (15, 'COFF-KET-GOO', 'gooseneck-kettle', 'Gooseneck Kettle', 'Precise pour for filter coffee, 0.9 L.', 7, 5900, 'EUR', 900, 'active', '2021-06-01T10:05:00.000Z', '2021-06-01T10:05:00.000Z'),
  (16, 'COFF-BEAN-ETH', 'ethiopia-yirgacheffe-beans', 'Ethiopia Yirgacheffe Beans 250g', 'Washed, light roast. Jasmine and lemon.', 7, 1490, 'EUR', 250, 'active', '2021-06-01T10:10:00.000Z', '2024-03-01T06:00:00.000Z'),
  (17, 'COFF-BEAN-COL', 'colombia-huila-beans', 'Colombia Huila Beans 250g', 'Medium roast. Caramel and red apple.', 7, 1390, 'EUR', 250, 'active', '2021-06-01T10:15:00.000Z', '2024-03-01T06:00:00.000Z'),
  (18, 'COFF-DRP-V60', 'ceramic-pour-over-dripper', 'Ceramic Pour-Over Dripper', 'Size 02 dripper in matte white.', 7, 2900, 'EUR', 400, 'active', '2021-06-01T10:20:00.000Z', '2021-06-01T10:20:00.000Z'),
  (19, 'LAMP-DSK-OAK', 'oak-desk-lamp', 'Oak Desk Lamp', 'Solid oak arm with a warm LED.', 9, 8900, 'EUR', 1700, 'active', '2022-01-10T10:00:00.000Z', '2022-01-10T10:00:00.000Z'),
  (20, 'LAMP-LAN-LED', 'rechargeable-led-lantern', 'Rechargeable LED Lantern', 'USB-C, 40 hours on low.', 9, 3900, 'EUR', 450, 'active', '2022-01-10T10:05:00.000Z', '2022-01-10T10:05:00.000Z'),
  (21, 'LAMP-HDL-300', 'headlamp-300-lumen', 'Headlamp 300 Lumen', 'Red night mode, IPX4.', 9, 2900, 'EUR', 90, 'active', '2022-01-10T10:10:00.000Z', '2022-01-10T10:10:00.000Z'),
  (22, 'TEXT-BLK-WOOL', 'merino-wool-blanket', 'Merino Wool Blanket', 'Woven in Portugal, 130 x 180 cm.', 10, 12900, 'EUR', 1400, 'active', '2022-04-01T10:00:00.000Z', '2022-04-01T10:00:00.000Z'),
  (23, 'TEXT-CSH-LIN', 'linen-cushion-cover', 'Linen Cushion Cover', 'Stonewashed linen, 50 x 50 cm.', 10, 2900, 'EUR', 200, 'active', '2022-04-01T10:05:00.000Z', '2022-04-01T10:05:00.000Z'),
  (24, 'TEXT-THR-CTN', 'cotton-throw', 'Cotton Throw', 'Waffle-weave organic cotton.', 10, 4900, 'EUR', 800, 'active', '2022-04-01T10:10:00.000Z', '2022-04-01T10:10:00.000Z'),
  (25, 'TENT-TARP-3X3', 'ripstop-tarp-3x3', 'Ripstop Tarp 3x3m', 'Silnylon tarp with 16 tie-outs.', 2, 4900, 'EUR', 520, 'active', '2023-03-01T10:00:00.000Z', '2023-03-01T10:00:00.000Z'),
  (26, 'PACK-CVR-RAIN', 'backpack-rain-cover', 'Backpack Rain Cover', 'Fits 30-50 L packs.', 3, 1900, 'EUR', 110, 'active', '2023-03-01T10:05:00.000Z', '2023-03-01T10:05:00.000Z'),
  (27, 'COOK-KNF-CHF', 'chefs-knife-20cm', 'Chef''s Knife 20cm', 'Forged stainless steel, full tang.', 6, 9900, 'EUR', 250, 'active', '2023-09-12T10:00:00.000Z', '2023-09-12T10:00:00.000Z'),
  (28, 'COFF-AERO-PRS', 'travel-coffee-press', 'Travel Coffee Press', 'Coming soon: a press that fits in a mug.', 7, 3900, 'EUR', 350, 'draft', '2024-11-01T10:00:00.000Z', '2024-11-01T10:00:00.000Z'),
  (29, 'LAMP-FLR-BRS', 'brass-floor-lamp', 'Brass Floor Lamp', 'Discontinued in 2023.', 9, 24900, 'EUR', 6500, 'archived', '2020-10-01T10:00:00.000Z', '2023-06-30T10:00:00.000Z'),
  (30, 'SLEEP-HAM-NYL', 'nylon-camping-hammock', 'Nylon Camping Hammock', 'With tree straps and a stuff sack.', 4, 5900, 'EUR', 600, 'active', '2024-04-15T10:00:00.000Z', '2024-04-15T10:00:00.000Z');

INSERT INTO warehouses (id, code, name, country) VALUES
  (1, 'BER', 'Berlin Marienfelde', 'DE'),
  (2, 'RTM', 'Rotterdam Waalhaven', 'NL');

-- A fixed spread of stock per warehouse, then a few hand-set levels the demo relies on.
INSERT INTO stock_levels (product_id, warehouse_id, on_hand, reserved)
SELECT p.id, w.id, ((p.id * 7 + w.id * 13) % 37) + 3, 0
  FROM products p CROSS JOIN warehouses w
 WHERE p.status <> 'archived';
UPDATE stock_levels SET on_hand = 0 WHERE product_id = 9;
UPDATE stock_levels SET on_hand = CASE warehouse_id WHEN 1 THEN 2 ELSE 0 END WHERE product_id = 3;
UPDATE stock_levels SET on_hand = 1 WHERE product_id = 21 AND warehouse_id = 2;

INSERT INTO stock_movements (product_id, warehouse_id, delta, reason, created_by, created_at) VALUES
  (3, 1, 10, 'restock', 2, '2025-01-08T08:00:00.000Z'),
  (3, 1, -8, 'count_correction', 2, '2025-03-31T17:00:00.000Z'),
  (9, 1, -4, 'damaged', 2, '2025-04-12T09:15:00.000Z'),
  (22, 2, 20, 'restock', 2, '2025-02-01T08:00:00.000Z');

INSERT INTO coupons (code, kind, value, min_subtotal_cents, max_redemptions, redemptions, expires_at, active) VALUES
  ('WELCOME10', 'percent', 10, 0, NULL, 1, NULL, 1),
  ('SPRING5', 'fixed', 500, 3000, NULL, 0, '2099-06-01T00:00:00.000Z', 1),
  ('SUMMER2023', 'percent', 15, 5000, NULL, 212, '2023-09-01T00:00:00.000Z', 1),
  ('FIRST100', 'fixed', 1000, 2000, 100, 100, NULL, 1),
  ('STAFFONLY', 'percent', 30, 0, NULL, 3, NULL, 0);

-- Order history: delivered, shipped, cancelled + refunded, paid and waiting for the warehouse.
INSERT INTO orders (id, order_number, user_id, status, subtotal_cents, discount_cents, shipping_cents, total_cents, currency, ship_to_json, coupon_code, created_at, updated_at) VALUES
  (1, 'SO-5E1A0C01', 3, 'delivered', 7880, 0, 690, 8570, 'EUR', '{"recipient":"Ada Brandt","line1":"Kastanienallee 12","line2":null,"city":"Berlin","postalCode":"10435","country":"DE"}', NULL, '2025-03-14T19:02:11.000Z', '2025-03-17T11:40:00.000Z'),
  (2, 'SO-5E1A0C02', 4, 'shipped', 33800, 3380, 0, 30420, 'EUR', '{"recipient":"Grace Okafor","line1":"Prinsengracht 263","line2":null,"city":"Amsterdam","postalCode":"1016 GV","country":"NL"}', 'WELCOME10', '2025-04-02T08:15:40.000Z', '2025-04-03T15:00:00.000Z'),
  (3, 'SO-5E1A0C03', 5, 'cancelled', 14900, 0, 1490, 16390, 'EUR', '{"recipient":"Linus Virtanen","line1":"Mannerheimintie 5","line2":null,"city":"Helsinki","postalCode":"00100","country":"FI"}', NULL, '2025-04-20T21:33:05.000Z', '2025-04-21T07:10:00.000Z'),
  (4, 'SO-5E1A0C04', 3, 'paid', 11800, 0, 0, 11800, 'EUR', '{"recipient":"Ada Brandt","line1":"Friedrichstraße 68","line2":"3. OG","city":"Berlin","postalCode":"10117","country":"DE"}', NULL, '2025-05-05T12:00:00.000Z', '2025-05-05T12:00:02.000Z'),
  (5, 'SO-5E1A0C05', 6, 'delivered', 25800, 0, 0, 25800, 'EUR', '{"recipient":"Margaret Hale","line1":"Schwanthalerstraße 40","line2":null,"city":"München","postalCode":"80336","country":"DE"}', NULL, '2025-02-10T17:45:00.000Z', '2025-02-13T10:20:00.000Z');

INSERT INTO order_items (id, order_id, product_id, sku, name, quantity, unit_price_cents) VALUES
  (1, 1, 10, 'COOK-SKL-CI', 'Cast Iron Skillet 26cm', 1, 4900),
  (2, 1, 16, 'COFF-BEAN-ETH', 'Ethiopia Yirgacheffe Beans 250g', 2, 1490),
  (3, 2, 1, 'TENT-2P-ALP', 'Alpine 2-Person Tent', 1, 24900),
  (4, 2, 8, 'SLEEP-MAT-INF', 'Insulated Sleeping Mat', 1, 8900),
  (5, 3, 4, 'PACK-38L-TRK', 'Trekking Backpack 38L', 1, 14900),
  (6, 4, 14, 'COFF-GRD-BUR', 'Burr Coffee Grinder', 1, 8900),
  (7, 4, 18, 'COFF-DRP-V60', 'Ceramic Pour-Over Dripper', 1, 2900),
  (8, 5, 22, 'TEXT-BLK-WOOL', 'Merino Wool Blanket', 2, 12900);

INSERT INTO order_status_history (order_id, status, note, created_at) VALUES
  (5, 'pending', NULL, '2025-02-10T17:45:00.000Z'),
  (5, 'paid', 'Payment captured', '2025-02-10T17:45:01.000Z'),
  (5, 'shipped', NULL, '2025-02-11T09:00:00.000Z'),
  (5, 'delivered', NULL, '2025-02-13T10:20:00.000Z'),
  (1, 'pending', NULL, '2025-03-14T19:02:11.000Z'),
  (1, 'paid', 'Payment captured', '2025-03-14T19:02:12.000Z'),
  (1, 'shipped', NULL, '2025-03-15T10:00:00.000Z'),
  (1, 'delivered', NULL, '2025-03-17T11:40:00.000Z'),
  (2, 'pending', NULL, '2025-04-02T08:15:40.000Z'),
  (2, 'paid', 'Payment captured', '2025-04-02T08:15:41.000Z'),
  (2, 'shipped', 'Left RTM on the morning truck', '2025-04-03T15:00:00.000Z'),
  (3, 'pending', NULL, '2025-04-20T21:33:05.000Z'),
  (3, 'paid', 'Payment captured', '2025-04-20T21:33:06.000Z'),
  (3, 'cancelled', 'Ordered the wrong size', '2025-04-21T07:10:00.000Z'),
  (4, 'pending', NULL, '2025-05-05T12:00:00.000Z'),
  (4, 'paid', 'Payment captured', '2025-05-05T12:00:02.000Z');

INSERT INTO stock_reservations (order_id, product_id, warehouse_id, quantity, status, created_at) VALUES
  (5, 22, 2, 2, 'fulfilled', '2025-02-10T17:45:00.000Z'),
  (1, 10, 1, 1, 'fulfilled', '2025-03-14T19:02:11.000Z'),
  (1, 16, 1, 2, 'fulfilled', '2025-03-14T19:02:11.000Z'),
  (2, 1, 2, 1, 'fulfilled', '2025-04-02T08:15:40.000Z'),
  (2, 8, 2, 1, 'fulfilled', '2025-04-02T08:15:40.000Z'),
  (3, 4, 1, 1, 'released', '2025-04-20T21:33:05.000Z'),
  (4, 14, 1, 1, 'held', '2025-05-05T12:00:00.000Z'),
  (4, 18, 1, 1, 'held', '2025-05-05T12:00:00.000Z');
UPDATE stock_levels SET reserved = 1 WHERE warehouse_id = 1 AND product_id IN (14, 18);

INSERT INTO payments (id, order_id, amount_cents, currency, method, card_last4, status, gateway_reference, failure_reason, created_at) VALUES
  (1, 5, 25800, 'EUR', 'card', '4242', 'captured', 'ch_seed00000000000000000000000005', NULL, '2025-02-10T17:45:01.000Z'),
  (2, 1, 8570, 'EUR', 'card', '4242', 'captured', 'ch_seed00000000000000000000000001', NULL, '2025-03-14T19:02:12.000Z'),
  (3, 2, 30420, 'EUR', 'card', '4444', 'captured', 'ch_seed00000000000000000000000002', NULL, '2025-04-02T08:15:41.000Z'),
  (4, 3, 16390, 'EUR', 'card', '4242', 'refunded', 'ch_seed00000000000000000000000003', NULL, '2025-04-20T21:33:06.000Z'),
  (5, 4, 11800, 'EUR', 'card', '4242', 'captured', 'ch_seed00000000000000000000000004', NULL, '2025-05-05T12:00:02.000Z');

INSERT INTO refunds (id, payment_id, amount_cents, reason, status, created_by, created_at) VALUES
  (1, 4, 16390, 'Ordered the wrong size', 'succeeded', 5, '2025-04-21T07:10:00.000Z');

INSERT INTO shipments (id, order_id, carrier, service_level, tracking_number, status, country, cost_cents, created_at) VALUES
  (1, 5, 'DHL', 'standard', 'FGSEED000005', 'delivered', 'DE', 0, '2025-02-10T17:45:01.000Z'),
  (2, 1, 'DHL', 'standard', 'FGSEED000001', 'delivered', 'DE', 690, '2025-03-14T19:02:12.000Z'),
  (3, 2, 'DPD', 'standard', 'FGSEED000002', 'in_transit', 'NL', 0, '2025-04-02T08:15:41.000Z'),
  (4, 3, 'DPD', 'standard', 'FGSEED000003', 'cancelled', 'FI', 1490, '2025-04-20T21:33:06.000Z'),
  (5, 4, 'DHL', 'standard', 'FGSEED000004', 'label_pending', 'DE', 0, '2025-05-05T12:00:02.000Z');

INSERT INTO shipment_events (shipment_id, status, location, description, occurred_at) VALUES
  (1, 'label_created', 'Berlin', 'Label printed', '2025-02-11T08:30:00.000Z'),
  (1, 'in_transit', 'Berlin', 'Handed to DHL', '2025-02-11T16:00:00.000Z'),
  (1, 'delivered', 'München', 'Delivered to recipient', '2025-02-13T10:20:00.000Z'),
  (2, 'label_created', 'Berlin', 'Label printed', '2025-03-15T08:00:00.000Z'),
  (2, 'in_transit', 'Berlin', 'Handed to DHL', '2025-03-15T10:00:00.000Z'),
  (2, 'delivered', 'Berlin', 'Delivered to neighbour', '2025-03-17T11:40:00.000Z'),
  (3, 'label_created', 'Rotterdam', 'Label printed', '2025-04-03T09:00:00.000Z'),
  (3, 'in_transit', 'Rotterdam', 'Handed to DPD', '2025-04-03T15:00:00.000Z'),
  (4, 'cancelled', NULL, 'Order cancelled', '2025-04-21T07:10:00.000Z');

INSERT INTO carts (id, user_id, coupon_code, updated_at) VALUES
  (1, 4, NULL, '2025-05-01T20:00:00.000Z');
INSERT INTO cart_items (cart_id, product_id, quantity, unit_price_cents, added_at) VALUES
  (1, 20, 1, 3900, '2025-05-01T20:00:00.000Z');

INSERT INTO notification_preferences (user_id, email_enabled, sms_enabled, marketing_opt_in) VALUES
  (3, 1, 0, 1),
  (4, 1, 1, 0),
  (6, 0, 0, 0);

INSERT INTO notifications (user_id, channel, template, payload_json, status, created_at, sent_at, read_at) VALUES
  (3, 'email', 'welcome', '{"name":"Ada Brandt"}', 'sent', '2021-01-11T18:22:00.000Z', '2021-01-11T18:23:00.000Z', '2021-01-11T19:00:00.000Z'),
  (3, 'email', 'order_confirmed', '{"orderNumber":"SO-5E1A0C01","total":"€85.70"}', 'sent', '2025-03-14T19:02:12.000Z', '2025-03-14T19:03:00.000Z', NULL),
  (4, 'email', 'order_confirmed', '{"orderNumber":"SO-5E1A0C02","total":"€304.20"}', 'sent', '2025-04-02T08:15:41.000Z', '2025-04-02T08:16:00.000Z', NULL),
  (4, 'email', 'shipment_update', '{"status":"in_transit","trackingNumber":"FGSEED000002","description":"Handed to DPD"}', 'sent', '2025-04-03T15:00:00.000Z', '2025-04-03T15:01:00.000Z', NULL),
  (5, 'email', 'order_cancelled', '{"orderNumber":"SO-5E1A0C03"}', 'sent', '2025-04-21T07:10:00.000Z', '2025-04-21T07:11:00.000Z', NULL),
  (3, 'email', 'order_confirmed', '{"orderNumber":"SO-5E1A0C04","total":"€118.00"}', 'queued', '2025-05-05T12:00:02.000Z', NULL, NULL);

INSERT INTO reviews (id, product_id, user_id, rating, title, body, status, created_at) VALUES
  (1, 10, 3, 5, 'Heavy, and worth it', 'Heats evenly. Seasoning held up after a month of daily use.', 'published', '2025-03-20T18:00:00.000Z'),
  (2, 16, 3, 4, 'Bright and floral', 'Lovely as a pour-over, a bit sour as espresso.', 'published', '2025-03-22T08:30:00.000Z'),
  (3, 1, 4, 4, 'Solid in the wind', 'Stood up to a stormy night on the coast. Vestibules are small.', 'published', '2025-04-10T12:00:00.000Z'),
  (4, 22, 6, 5, 'Warm without being heavy', 'Softer than expected, no itch at all.', 'published', '2025-02-20T21:00:00.000Z'),
  (5, 1, 5, 2, 'Zip gave up', 'The inner door zip broke on the third trip.', 'published', '2024-09-02T10:00:00.000Z'),
  (6, 8, 4, 3, 'Comfortable but noisy', 'Crinkles every time you turn over.', 'pending', '2025-04-28T07:00:00.000Z');

INSERT INTO review_votes (review_id, user_id, helpful) VALUES
  (1, 4, 1), (1, 6, 1), (3, 3, 1), (3, 6, 1), (5, 3, 0), (5, 6, 1);

UPDATE products
   SET rating_avg = (SELECT AVG(r.rating) FROM reviews r WHERE r.product_id = products.id AND r.status = 'published'),
       rating_count = (SELECT COUNT(*) FROM reviews r WHERE r.product_id = products.id AND r.status = 'published');

INSERT INTO audit_log (actor_id, action, entity, entity_id, details_json, created_at) VALUES
  (1, 'user.updated', 'user', '2', '{"role":"staff"}', '2020-06-15T09:05:00.000Z'),
  (1, 'user.updated', 'user', '8', '{"status":"disabled"}', '2024-12-01T10:00:00.000Z'),
  (2, 'order.status', 'order', '2', '{"status":"shipped"}', '2025-04-03T15:00:00.000Z');
