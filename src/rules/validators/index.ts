export { validateUscc, usccCheckChar } from './uscc.js';
export { validateResidentId } from './resident-id.js';
export { validateIcpFiling, validateIcpLicence } from './icp.js';
export { validatePsbFiling } from './psb.js';
export { validateDomain } from './domain.js';
export { validatePhone } from './phone.js';
export { validateIp, validateCidr, parseIp, parseCidr, formatIp, cidrContains, cidrSize, ipAt, type Cidr, type IpAddress, type IpVersion } from './ip.js';
export { PROVINCES } from './provinces.js';
export type { Validation } from './result.js';
