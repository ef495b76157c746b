/**
 * The agreement's readings as named parameters. Each default is the reading CLAUSES.md chooses;
 * a contract template may set another, and the contract keeps the values it was made with.
 */
export interface ContractTerms {
  /** 第三条: term length in months from the activation date */
  termMonths: number;
  /** 第四条: annual fee due this many calendar days after activation (art. 203 roll-forward) */
  paymentDueCalendarDays: number;
  /** 5.1: installation and commissioning within this many working days of racking */
  commissioningWorkingDays: number;
  /** 7.2: compensation = factor × interruption */
  compensationFactor: number;
  /** 7.2: compensation is rounded up to this unit, in hours */
  compensationUnitHours: number;
  /** 7.2: merge compensable interruptions that touch (not only those that overlap) */
  mergeTouching: boolean;
  /** 6.3 / 7.3: notice needed before expansion, relocation and cut-over work */
  plannedWorkNoticeHours: number;
  /** 6.3: line faults repaired within this many hours of the report */
  lineFaultRepairHours: number;
}

export const DEFAULT_CONTRACT_TERMS: Readonly<ContractTerms> = Object.freeze({
  termMonths: 12,
  paymentDueCalendarDays: 7,
  commissioningWorkingDays: 2,
  compensationFactor: 2,
  compensationUnitHours: 1,
  mergeTouching: true,
  plannedWorkNoticeHours: 48,
  lineFaultRepairHours: 24,
});
