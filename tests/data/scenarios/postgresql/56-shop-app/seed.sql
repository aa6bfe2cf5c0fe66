INSERT INTO currencies VALUES ('EUR', 'Euro', 2), ('JPY', 'Yen', 0);
INSERT INTO countries VALUES ('FR', 'France', 'EUR'), ('JP', 'Japan', 'JPY');
INSERT INTO tax_rates (id, country_code, name, rate) VALUES (1, 'FR', 'standard', 0.2), (2, 'JP', 'consumption', 0.1);
INSERT INTO warehouses (id, code, country_code, city) VALUES (1, 'PAR-1', 'FR', 'Paris');
INSERT INTO brands (id, name) VALUES (1, 'Acme');
INSERT INTO categories (id, parent_id, slug, name) VALUES (1, NULL, 'tools', 'Tools'), (2, 1, 'hammers', 'Hammers');
INSERT INTO products (id, brand_id, slug, name, legacy_sku, created_at) VALUES
    (1, 1, 'claw-hammer', 'Claw hammer', 'OLD-1', '2024-01-01 00:00+00'),
    (2, NULL, 'nails', 'Nails (100)', NULL, '2024-01-02 00:00+00');
INSERT INTO product_categories VALUES (1, 2), (2, 1);
INSERT INTO product_variants (id, product_id, sku, title, weight_grams, barcode) VALUES
    (1, 1, 'HAM-S', 'small', 500, '4006381333931'), (2, 1, 'HAM-L', 'large', 900, NULL), (3, 2, 'NAIL-100', 'box', 300, NULL);
INSERT INTO variant_options VALUES (1, 'size', 'S'), (2, 'size', 'L');
INSERT INTO prices (id, variant_id, currency_code, amount, valid_from) VALUES (1, 1, 'EUR', 19.90, '2024-01-01'), (2, 2, 'EUR', 24.90, '2024-01-01'), (3, 3, 'JPY', 500, '2024-01-01');
INSERT INTO inventory_levels VALUES (1, 1, 10, 2), (2, 1, 5, 0), (3, 1, 100, 10);
INSERT INTO stock_movements (id, variant_id, warehouse_id, delta, reason, moved_at) VALUES (1, 1, 1, 10, 'initial', '2024-01-01 00:00+00');
INSERT INTO suppliers (id, name, country_code) VALUES (1, 'Forge Ltd', 'FR');
INSERT INTO purchase_orders (id, supplier_id, warehouse_id, ordered_on) VALUES (1, 1, 1, '2024-01-01');
INSERT INTO purchase_order_lines VALUES (1, 1, 1, 10, 8.50);
INSERT INTO customers (id, email, first_name, last_name, phone, created_at) VALUES
    (1, 'ann@example.test', 'Ann', 'Lee', '+33 1 23 45 67 89', '2024-02-01 00:00+00'),
    (2, 'ken@example.test', 'Ken', 'Sato', NULL, '2024-02-02 00:00+00');
INSERT INTO customer_addresses (id, customer_id, kind, line1, city, postcode, country_code) VALUES (1, 1, 'shipping', '1 rue de la Paix', 'Paris', '75002', 'FR');
INSERT INTO customer_groups (id, name, discount_pct) VALUES (1, 'vip', 5);
INSERT INTO customer_group_members VALUES (1, 1);
INSERT INTO wishlists (id, customer_id) VALUES (1, 2);
INSERT INTO wishlist_items (wishlist_id, variant_id, added_at) VALUES (1, 2, '2024-02-03 00:00+00');
INSERT INTO carts (id, customer_id, currency_code, updated_at) VALUES ('5f1d7c3e-0000-4000-8000-000000000001', 2, 'JPY', '2024-02-03 00:00+00');
INSERT INTO cart_items VALUES ('5f1d7c3e-0000-4000-8000-000000000001', 3, 2);
INSERT INTO coupons (id, code, percent_off) VALUES (1, 'WELCOME10', 10);
INSERT INTO orders (id, number, customer_id, status, currency_code, subtotal, tax_total, shipping_total, coupon_id, placed_at, note) VALUES
    (1, 'S1001', 1, 'paid', 'EUR', 44.80, 8.96, 4.90, 1, '2024-02-05 10:00+00', 'leave at door'),
    (2, 'S1002', 2, 'placed', 'JPY', 1000, 100, 0, NULL, '2024-02-06 10:00+00', NULL);
INSERT INTO order_lines VALUES (1, 1, 1, 1, 19.90, 1), (1, 2, 2, 1, 24.90, 1), (2, 1, 3, 2, 500, 2);
INSERT INTO order_addresses VALUES (1, 'shipping', '1 rue de la Paix', 'Paris', '75002', 'FR');
INSERT INTO payment_providers (id, name) VALUES (1, 'cards'), (2, 'bank');
INSERT INTO payments (id, order_id, provider_id, status, amount, provider_ref, created_at) VALUES
    (1, 1, 1, 'captured', 58.66, 'ch_1', '2024-02-05 10:01+00'), (2, 2, 2, 'pending', 1100, NULL, '2024-02-06 10:01+00');
INSERT INTO refunds (id, payment_id, amount, reason, created_at) VALUES (1, 1, 4.90, 'shipping waived', '2024-02-07 00:00+00');
INSERT INTO invoices (id, order_id, number, issued_on) VALUES (1, 1, 'INV-1', '2024-02-05');
INSERT INTO carriers (id, name) VALUES (1, 'Post');
INSERT INTO shipping_methods (id, carrier_id, name, price) VALUES (1, 1, 'standard', 4.90);
INSERT INTO shipments (id, order_id, method_id, warehouse_id, tracking_no, shipped_at) VALUES (1, 1, 1, 1, 'TRK1', '2024-02-06 08:00+00');
INSERT INTO shipment_lines VALUES (1, 1, 1, 1), (1, 1, 2, 1);
INSERT INTO returns (id, order_id, requested_at, reason) VALUES (1, 1, '2024-02-10 00:00+00', 'too heavy');
INSERT INTO return_lines VALUES (1, 1, 2, 1);
INSERT INTO reviews (id, product_id, customer_id, rating, title, created_at) VALUES (1, 1, 1, 5, 'solid', '2024-02-12 00:00+00'), (2, 1, 2, 3, NULL, '2024-02-13 00:00+00');
INSERT INTO review_votes VALUES (1, 2, true);
INSERT INTO newsletters (id, subject) VALUES (1, 'Spring sale');
INSERT INTO newsletter_recipients (newsletter_id, customer_id) VALUES (1, 1);
INSERT INTO staff (id, email, name) VALUES (1, 'sam@shop.test', 'Sam');
INSERT INTO support_tickets (id, customer_id, order_id, assignee_id, priority, subject, opened_at) VALUES (1, 1, 1, 1, 'high', 'Where is my parcel?', '2024-02-06 12:00+00');
INSERT INTO ticket_messages (id, ticket_id, staff_id, body, sent_at) VALUES (1, 1, NULL, 'Hello?', '2024-02-06 12:00+00'), (2, 1, 1, 'Shipped today', '2024-02-06 13:00+00');
INSERT INTO gift_cards (id, code, currency_code, balance) VALUES (1, 'GIFT-0001', 'EUR', 50);
INSERT INTO loyalty_accounts VALUES (1, 120, 'silver');
INSERT INTO loyalty_transactions (id, customer_id, order_id, points, at) VALUES (1, 1, 1, 120, '2024-02-05 10:00+00');
INSERT INTO settings (key, value, updated_at) VALUES ('checkout.enabled', 'true', '2024-01-01 00:00+00'), ('currency.default', '"EUR"', '2024-01-01 00:00+00'), ('limits', '{"cart": 50}', '2024-01-01 00:00+00');
INSERT INTO admin_audit (id, staff_id, action, detail, at) VALUES (1, 1, 'login', '{"ip": "10.0.0.1"}', '2024-02-06 08:00+00');
INSERT INTO legacy_order_export VALUES (1, 'S1001;44.80', NULL);
INSERT INTO analytics.page_views (id, customer_id, path, viewed_at) VALUES (1, 1, '/p/claw-hammer', '2024-02-05 09:00+00');
