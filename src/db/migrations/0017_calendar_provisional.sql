-- Issue 16: a date computed on a provisional calendar year (derived from 《全国年节及纪念日放假办法》
-- because the State Council had not yet published that year's arrangement) says so, so that loading
-- the official year can find and recompute the records still open.

-- 5.1: the commissioning deadline
ALTER TABLE commissioning_orders ADD COLUMN due_on_provisional boolean NOT NULL DEFAULT false;

-- 第四条: the invoice's due date; when the official year moved it, the date first announced is kept
-- (the portal shows the change)
ALTER TABLE invoices ADD COLUMN due_on_provisional boolean NOT NULL DEFAULT false;
ALTER TABLE invoices ADD COLUMN provisional_due_on date;
ALTER TABLE invoices ADD CONSTRAINT invoices_provisional_due_on_moved CHECK (provisional_due_on IS NULL OR provisional_due_on <> due_on);

-- the open provisional records, found when an official year is loaded
CREATE INDEX commissioning_orders_provisional_open_idx ON commissioning_orders (due_on) WHERE due_on_provisional AND completed_at IS NULL AND breached_at IS NULL;
CREATE INDEX invoices_provisional_open_idx ON invoices (due_on) WHERE due_on_provisional AND status IN ('unpaid', 'partially_paid');
