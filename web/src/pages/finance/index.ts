// The finance desk (issue 20 item 4): main.tsx imports this file lazily, so the area is one chunk loaded on first visit.
export { BankImportPage, PaymentsPage, ReceivablesPage, StatementPage } from './FinancePages';
