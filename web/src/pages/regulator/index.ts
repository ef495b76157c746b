// The regulator's view (issue 22 §1–3): main.tsx imports this file lazily, one chunk loaded on first visit.
export { RegulatorPage } from './RegulatorPage';
