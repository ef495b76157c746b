import type { Services } from '../../src/app.js';
import { systemScope } from '../../src/core/scope.js';
import { makeActivationReadyCustomer } from './factories.js';

const system = systemScope('incidents-fixture');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const OK = { powerSupplies: true, rails: true, interfaces: true, labelling: true };
let serial = 0;

/**
 * A small floor for incident tests: one site, one room, two cabinets, a switch; customers with an
 * active contract whose servers are racked (optionally on a switch port and an IP).
 */
export async function makeFloor(services: Services) {
  await services.provider.update(system, { legalName: '北京云桥数据科技有限公司', uscc: '91110106MA00YQ8D7K', address: '北京', domicileCourt: '北京市丰台区人民法院', bankName: '工行', bankAccount: '0200004509200123456', signingPlace: '北京', phone: null, noticeEmail: 'noc@example.cn', noticeFax: null, postalAddress: '北京', sealFile: null });
  const site = await services.floor.createSite(system, { code: `S${++serial}`, name: '北京机房', address: '北京', accessPoint: '牛街庄电信机房' });
  const room = await services.floor.createRoom(system, { siteId: site.id, name: 'A' });
  const cab1 = await services.floor.createCabinet(system, { roomId: room.id, code: `A${serial}01` });
  const cab2 = await services.floor.createCabinet(system, { roomId: room.id, code: `A${serial}02` });
  const sw = await services.network.createSwitch(system, { roomId: room.id, name: `SW-${serial}`, model: 'S5720', portCount: 8 });
  const pool = await services.ipam.createPool(system, { name: `P${serial}`, prefix: `203.0.${serial % 250}.0/24` });
  let nextU = 1;
  let nextPort = 0;

  async function customerWithContract(name: string, opts: { servers: number; cabinetId?: string; port?: boolean; ip?: boolean; serials?: string[] } = { servers: 1 }) {
    const c = await makeActivationReadyCustomer(services, name);
    const serverIds: string[] = [];
    const serials: string[] = [];
    for (let i = 0; i < opts.servers; i += 1) {
      const sn = opts.serials?.[i] ?? `SN-${name}-${i}-${++serial}`;
      const s = await services.servers.createServer(system, { customerId: c.id, brand: 'Dell', model: 'R750', serialNumber: sn, heightU: 1 });
      await services.servers.inspect(system, s.id, OK);
      serverIds.push(s.id);
      serials.push(sn);
    }
    const contract = await services.contracts.create(system, { customerId: c.id, siteId: site.id, serverIds, annualFee: '12000' });
    await services.contracts.sign(system, contract.id, { signingDate: '2026-05-01', securityLetterSigned: true, userUndertakingSigned: true, signedCopy: PDF });
    const ips: string[] = [];
    for (const id of serverIds) {
      await services.servers.rack(system, id, { cabinetId: opts.cabinetId ?? cab1.id, lowestU: nextU++, face: 'full' });
      await services.servers.setStatus(system, id, 'in_service');
      if (opts.port) await services.network.assignPort(system, id, { portId: sw.ports[nextPort++].id, interfaceName: 'eth0' });
      if (opts.ip) ips.push((await services.ipam.allocate(system, { poolId: pool.id, serverId: id })).address);
    }
    return { customerId: c.id, name, contractId: contract.id, serverIds, serials, ips };
  }

  return { site, room, cab1, cab2, sw, pool, customerWithContract };
}

export type Floor = Awaited<ReturnType<typeof makeFloor>>;
export type FloorCustomer = Awaited<ReturnType<Floor['customerWithContract']>>;
