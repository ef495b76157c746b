import { z } from 'zod';
import { FileBody, ItemsOf, Timestamp } from '../../http/dto.js';

const text = (max = 200) => z.string().trim().min(1).max(max);
const optionalText = (max = 200) => z.string().trim().max(max).nullable().optional();

/** 乙方's particulars as the contract prints them; every save is a new version. */
export const ProviderProfileBody = z.object({
  legalName: text(),
  uscc: text(18),
  address: text(),
  domicileCourt: text(),
  bankName: text(),
  bankAccount: z.string().trim().regex(/^[\d ]{8,40}$/),
  signingPlace: text(50),
  phone: optionalText(40),
  noticeEmail: z.email().nullable().optional(),
  noticeFax: optionalText(40),
  postalAddress: text(),
  sealFile: z.string().regex(/^[0-9a-f]{64}$/).nullable().optional(),
  legalRepresentative: optionalText(50) /* 法定代表人 */,
  contactPerson: optionalText(50) /* 合同联系人 */,
});

export const ProviderProfile = ProviderProfileBody.extend({
  phone: z.string().nullable(),
  noticeEmail: z.string().nullable(),
  noticeFax: z.string().nullable(),
  sealFile: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  contactPerson: z.string().nullable(),
  version: z.number(),
  createdBy: z.string().nullable(),
  createdAt: Timestamp,
}).meta({ id: 'ProviderProfile' });
export const ProviderProfileList = ItemsOf(ProviderProfile).meta({ id: 'ProviderProfileList' });

/** A profile version (an int4), from the query string. */
export const SealQuery = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647).optional() });
export const SealImage = FileBody.meta({ description: 'the seal, a PNG image' });
