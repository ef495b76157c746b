import { describe, expect, it } from 'vitest';
import { agingBucket, matchBankLine, normalisePayerName, type Fen, type OpenInvoiceForMatch } from './index.js';

const open: OpenInvoiceForMatch[] = [
  { id: 'a1', number: 'INV-2026-000001', customerId: 'A', customerName: '阿尔法科技（北京）有限公司', outstandingFen: 120_000, dueOn: '2026-10-08' },
  { id: 'a2', number: 'INV-2026-000002', customerId: 'A', customerName: '阿尔法科技（北京）有限公司', outstandingFen: 50_000, dueOn: '2026-11-08' },
  { id: 'b1', number: 'INV-2026-000003', customerId: 'B', customerName: '贝塔网络有限公司', outstandingFen: 50_000, dueOn: '2026-10-20' },
  { id: 'c1', number: 'INV-2026-000004', customerId: 'C', customerName: '伽马数据有限公司', outstandingFen: 77_700, dueOn: '2026-10-20' },
];
const line = (amount: number, payerName: string, reference: string) => ({ amountFen: amount as Fen, payerName, reference });

describe('aging buckets (issue 20)', () => {
  it('counts the due date itself as not due and day 1 as the first overdue day', () => {
    expect([-1, 0, 1, 30, 31, 60, 61, 90, 91].map(agingBucket)).toEqual(['not_due', 'not_due', 'd1_30', 'd1_30', 'd31_60', 'd31_60', 'd61_90', 'd61_90', 'over_90']);
  });
});

describe('bank-statement line matching', () => {
  it('takes the invoice number in the reference first: high when the amount is what it owes, medium when not', () => {
    expect(matchBankLine(line(50_000, '别人代付', '付 inv-2026-000003 托管费'), open)).toMatchObject({ invoice: { id: 'b1' }, confidence: 'high', reasons: ['invoiceNumber', 'amountEqualsOutstanding', 'payerDiffers'] });
    expect(matchBankLine(line(40_000, '贝塔网络有限公司', 'INV-2026-000003'), open)).toMatchObject({ invoice: { id: 'b1' }, confidence: 'medium', reasons: ['invoiceNumber', 'amountDiffers', 'payerIsCustomer'] });
  });

  it('without a number: the payer names the customer (brackets and spaces as banks print them), the amount the invoice', () => {
    expect(normalisePayerName(' 阿尔法科技(北京)有限公司 ')).toBe(normalisePayerName('阿尔法科技（北京）有限公司'));
    expect(matchBankLine(line(50_000, '阿尔法科技(北京)有限公司', '托管费'), open)).toMatchObject({ invoice: { id: 'a2' }, confidence: 'medium' });
    // the payer's invoices, none for that amount: proposed (earliest due) at low confidence
    expect(matchBankLine(line(1_000, '阿尔法科技(北京)有限公司', '托管费'), open)).toMatchObject({ invoice: { id: 'a1' }, confidence: 'low', reasons: ['payerIsCustomer', 'amountDiffers'] });
  });

  it('by the amount alone only at low confidence, and nothing when nothing fits', () => {
    expect(matchBankLine(line(77_700, '某某', 'x'), open)).toMatchObject({ invoice: { id: 'c1' }, confidence: 'low', reasons: ['onlyInvoiceWithAmount', 'payerDiffers'] });
    expect(matchBankLine(line(50_000, '某某', 'x'), open)).toMatchObject({ confidence: 'low', reasons: ['severalInvoicesWithAmount', 'payerDiffers'] });
    expect(matchBankLine(line(12_345, '某某', 'INV-2099-000001'), open)).toEqual({ invoice: null, confidence: 'none', reasons: [] });
  });
});
