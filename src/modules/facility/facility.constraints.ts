import type { ConstraintErrors } from '../../core/errors.js';

/** The facility's database constraints, answered as the error a service would have raised (a race that slips past it). */
export const facilityConstraints: ConstraintErrors = {
  sites_code_key: { code: 'CONFLICT', field: 'code' },
  cabinets_room_id_code_key: { code: 'CONFLICT', field: 'code' },
  servers_serial_unique: { code: 'CONFLICT', field: 'serialNumber' },
  servers_name_unique: { code: 'CONFLICT', field: 'name' },
  server_placements_no_overlap: { code: 'U_RANGE_OCCUPIED', field: 'lowestU' },
  port_assignments_one_server_per_port: { code: 'PORT_IN_USE', field: 'portId' },
};
