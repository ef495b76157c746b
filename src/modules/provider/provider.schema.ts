import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 乙方 — the provider's profile; every edit is a new version, and a contract keeps the one it was signed under. */
export const providerProfiles = pgTable('provider_profiles', {
  version: integer('version').primaryKey(),
  legalName: text('legal_name').notNull(),
  uscc: text('uscc').notNull(),
  address: text('address').notNull(),
  domicileCourt: text('domicile_court').notNull() /* 住所地人民法院 (第十二条) */,
  bankName: text('bank_name').notNull(),
  bankAccount: text('bank_account').notNull(),
  signingPlace: text('signing_place').notNull() /* 签约地 */,
  phone: text('phone'),
  noticeEmail: text('notice_email'),
  noticeFax: text('notice_fax'),
  postalAddress: text('postal_address').notNull(),
  sealFile: text('seal_file'),
  // 0025: the parties block names them
  legalRepresentative: text('legal_representative') /* 法定代表人 */,
  contactPerson: text('contact_person') /* 合同联系人 */,
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
