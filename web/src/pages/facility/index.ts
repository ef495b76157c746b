// The facility pages: main.tsx imports this file lazily, so the area is one chunk loaded on first visit.
export { IpPoolsPage } from './IpPoolsPage';
export { NetboxImportPage } from './NetboxImportPage';
export { RacksPage } from './RacksPage';
export { ServersPage } from './ServersPage';
export { InventoryPage } from './InventoryPage';
