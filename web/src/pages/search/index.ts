// The global search's results page (issue 20 §3): main.tsx imports this file lazily.
export { SearchPage } from './SearchPage';
