import { AppError } from '../../core/errors.js';
import { requireReader, type Scope } from '../../core/scope.js';
import type { BillingService } from '../billing/billing.service.js';
import type { DeclarationsService } from '../compliance/declarations.service.js';
import type { DomainsService } from '../compliance/domains.service.js';
import type { ContractsService } from '../contracts/contracts.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { KycService } from '../customers/kyc.service.js';
import type { ServersService } from '../facility/servers.service.js';
import type { IpamService } from '../ipam/ipam.service.js';

/** The guided path (issue 18 §2), in the order the agreement imposes it. */
export const ONBOARDING_STEPS = ['roster', 'kyc', 'contacts24h', 'logRetention', 'server', 'contract', 'racked', 'network', 'domains', 'invoice'] as const;
export type OnboardingStepKey = (typeof ONBOARDING_STEPS)[number];
export const STEP_STATES = ['done', 'todo', 'blocked'] as const;
/** Who does a step: the customer itself (portal) or a staff role. */
export const STEP_ACTORS = ['customer', 'sales', 'compliance', 'noc', 'finance'] as const;
export type StepActor = (typeof STEP_ACTORS)[number];

/** What is missing, as a message key under onboarding.missing.* with its parameters (the route words it). */
export interface Missing {
  code: string;
  params?: Record<string, string | number>;
}

export interface OnboardingStep {
  key: OnboardingStepKey;
  state: (typeof STEP_STATES)[number];
  actors: StepActor[];
  missing: Missing[];
  /** the page where the step is done, for the reader (console or portal) */
  href: string;
}

type Contract = Awaited<ReturnType<ContractsService['list']>>[number];

/** The contract the customer's path is about: the one in force, else the furthest along, newest first. */
const PROGRESS: Record<Contract['status'], number> = { active: 5, signed: 4, sent: 3, draft: 2, ended: 1, terminated_by_agreement: 0, terminated_for_cause: 0 };
function currentContract(contracts: Contract[]): Contract | undefined {
  return [...contracts].sort((a, b) => PROGRESS[b.status] - PROGRESS[a.status])[0];
}

/**
 * Issue 18 §2: one customer's (or one contract's) path from a prospect to a live, paid server, computed from what the
 * modules' own services say — the customers module's readiness (5.10), compliance's log-retention readiness (5.5),
 * contracts' activation blockers (the same list racking refuses with), the servers, addresses, domains and invoices.
 * Nothing here decides a rule; it only reads the answers and says who acts next and where.
 */
export function makeOnboardingService(deps: {
  customers: Pick<CustomersService, 'exists' | 'activationReadiness'>;
  kyc: Pick<KycService, 'standing'>;
  declarations: Pick<DeclarationsService, 'logRetentionReadiness'>;
  servers: Pick<ServersService, 'facts'>;
  contracts: Pick<ContractsService, 'list' | 'find' | 'activationBlockers'>;
  ipam: Pick<IpamService, 'allocations'>;
  domains: Pick<DomainsService, 'list'>;
  billing: Pick<BillingService, 'invoices'>;
}) {
  async function checklist(scope: Scope, customerId: string, contractId?: string): Promise<{ customerId: string; contractId: string | null; steps: OnboardingStep[] }> {
    requireReader(scope);
    if (!(await deps.customers.exists(scope, customerId))) throw new AppError('NOT_FOUND', { entity: 'customer' });
    const portal = scope.kind === 'customer';
    const customerPage = (tab: string) => (portal ? (tab === 'roster' ? '/portal/roster' : tab === 'kyc' ? '/portal/documents' : '/portal') : `/console/customers/${customerId}?tab=${tab}`);
    const base = portal ? '/portal' : '/console';

    const [readiness, documents, logs, allContracts, blockers] = await Promise.all([
      deps.customers.activationReadiness(scope, customerId),
      deps.kyc.standing(scope, customerId),
      deps.declarations.logRetentionReadiness(scope, customerId),
      deps.contracts.list(scope, { customerId }),
      deps.contracts.activationBlockers(scope, customerId),
    ]);
    const contract = contractId ? allContracts.find((c) => c.id === contractId) : currentContract(allContracts);
    if (contractId && !contract) throw new AppError('NOT_FOUND', { entity: 'contract' });
    const servers = (await deps.servers.facts(scope, { customerId })).filter((s) => !contract || !s.contractId || s.contractId === contract.id);
    const contractServers = contract ? servers.filter((s) => s.contractId === contract.id) : [];
    const allocations = await deps.ipam.allocations(scope, { customerId, activeOnly: true });
    // a contract's view: the websites on its own servers; the customer's: all of them
    const domains = (await deps.domains.list(scope, { customerId })).filter((d) => d.status !== 'revoked' && (!contractId || contractServers.some((s) => s.id === d.serverId)));
    const invoices = contract ? (await deps.billing.invoices(scope, { contractId: contract.id })).filter((i) => i.status !== 'void') : [];

    const steps: OnboardingStep[] = [];
    const step = (key: OnboardingStepKey, actors: StepActor[], href: string, missing: Missing[], blocked = false) => {
      steps.push({ key, state: missing.length === 0 ? 'done' : blocked ? 'blocked' : 'todo', actors, missing, href });
    };

    // 5.10: the roster of the customer's people
    step('roster', ['customer', 'sales'], customerPage('roster'), readiness.rosterMembers > 0 ? [] : [{ code: 'rosterEmpty' }]);

    // 5.10: the business licence and the legal representative's ID, verified by someone other than who uploaded them
    const kycMissing: Missing[] = [];
    let kycReview = false;
    for (const gap of readiness.missing.filter((m) => m.startsWith('kyc'))) {
      const kind = gap === 'kycBusinessLicence' ? 'business_licence' : 'legal_representative_id';
      const pending = documents.some((d) => d.kind === kind && d.status === 'pending');
      kycReview ||= pending;
      kycMissing.push({ code: pending ? `${gap}.pending` : gap });
    }
    step('kyc', kycReview ? ['compliance', 'sales'] : ['customer', 'sales'], portal ? '/portal/documents' : kycReview ? '/console/kyc' : customerPage('kyc'), kycMissing);

    // 5.10: both 24-hour contacts with a mobile number
    step('contacts24h', ['customer', 'sales'], customerPage('roster'), readiness.missing.filter((m) => m.endsWith('24h')).map((code) => ({ code })));

    // 5.5: where and how long access logs are kept — the customer files it, or staff record the paper one
    step('logRetention', ['customer', 'compliance'], portal ? '/portal/domains' : customerPage('compliance'), logs.ready ? [] : [{ code: `logRetention.${logs.state}` }]);

    // 5.2: the server registered (by NOC, or sales for the one the contract will name) and its intake inspection passed
    const serverMissing: Missing[] = [];
    if (servers.length === 0) serverMissing.push({ code: 'noServer' });
    for (const s of servers) if (!s.inspected && !s.placement) serverMissing.push({ code: s.inspectionFailed ? 'inspectionFailed' : 'notInspected', params: { serial: s.serialNumber } });
    step('server', ['noc'], `${base}/servers`, serverMissing);

    // the contract: drafted, sent, signed, both attachments signed (附件一, 附件二)
    const contractMissing: Missing[] = [];
    if (!contract) contractMissing.push({ code: servers.length ? 'noContract' : 'noContractNoServer' });
    else {
      if (contract.status === 'draft') contractMissing.push({ code: 'contractDraft', params: { number: contract.number } });
      if (contract.status === 'draft' || contract.status === 'sent') contractMissing.push({ code: 'contractUnsigned', params: { number: contract.number } });
      if (contract.status === 'ended' || contract.status.startsWith('terminated')) contractMissing.push({ code: 'contractClosed', params: { number: contract.number } });
      if (!contract.securityLetterSigned) contractMissing.push({ code: 'securityLetter' });
      if (!contract.userUndertakingSigned) contractMissing.push({ code: 'userUndertaking' });
    }
    step('contract', ['sales'], contract ? `${base}/contracts/${contract.id}` : `${base}/contracts`, contractMissing, !contract && servers.length === 0);

    // 7.1, 5.1: racking a contract's server activates the contract and starts the term
    const signed = contract && (contract.status === 'signed' || contract.status === 'active');
    const active = contract?.status === 'active';
    const unracked = contractServers.filter((s) => !s.placement);
    const rackMissing: Missing[] = [];
    let rackBlocked = false;
    if (!active || unracked.length) {
      if (!signed) rackMissing.push({ code: 'rackNeedsSignedContract' });
      if (!active) rackMissing.push(...blockers.map((b) => ({ code: `gap.${b}` })));
      rackBlocked = rackMissing.length > 0;
      for (const s of unracked) {
        if (!s.inspected) rackBlocked = true;
        rackMissing.push({ code: s.inspected ? 'notRacked' : 'notInspected', params: { serial: s.serialNumber } });
      }
      if (!contractServers.length && !rackMissing.length) rackMissing.push({ code: 'notRacked', params: { serial: '—' } });
    }
    step('racked', ['noc'], `${base}/servers` /* racking is done from the server list */, rackMissing, rackBlocked);

    // 6.1: a switch port and an address for each racked server
    const racked = contractServers.filter((s) => s.placement);
    const networkMissing: Missing[] = [];
    if (!racked.length) networkMissing.push({ code: 'networkNeedsRacking' });
    for (const s of racked) {
      if (s.ports === 0) networkMissing.push({ code: 'noPort', params: { serial: s.serialNumber } });
      if (!allocations.some((a) => a.serverId === s.id)) networkMissing.push({ code: 'noAddress', params: { serial: s.serialNumber } });
    }
    step('network', ['noc'], `${base}/servers`, networkMissing, !racked.length);

    // 5.6, 5.11: each website on the domain list with its filing, verified by compliance
    const withAddress = racked.some((s) => allocations.some((a) => a.serverId === s.id));
    const domainMissing: Missing[] = [];
    const pending = domains.filter((d) => d.status === 'submitted');
    if (!withAddress) domainMissing.push({ code: 'domainsNeedAddress' });
    else if (!domains.length) domainMissing.push({ code: 'noDomain' });
    for (const d of pending) domainMissing.push({ code: d.hasEvidence ? 'domainPending' : 'domainNoEvidence', params: { domain: d.domainUnicode } });
    step('domains', pending.length && pending.every((d) => d.hasEvidence) ? ['compliance'] : ['customer', 'compliance'], `${base}/domains`, domainMissing, !withAddress);

    // 第四条: the annual invoice, issued on activation, and its payment
    const invoiceMissing: Missing[] = [];
    if (!invoices.length) invoiceMissing.push({ code: 'invoiceOnActivation' });
    for (const i of invoices) if (i.status !== 'paid') invoiceMissing.push({ code: i.status === 'overdue' ? 'invoiceOverdue' : 'invoiceUnpaid', params: { number: i.number, due: i.dueOn } });
    step('invoice', ['customer', 'finance'], contract ? `${base}/contracts/${contract.id}` : `${base}/contracts`, invoiceMissing, !invoices.length);

    return { customerId, contractId: contract?.id ?? null, steps };
  }

  return {
    /** The customer's path, about its current contract (or none yet). */
    forCustomer: (scope: Scope, customerId: string) => checklist(scope, customerId),
    /** One contract's path (the customer's steps and this contract's servers, addresses and invoices). */
    async forContract(scope: Scope, contractId: string) {
      requireReader(scope);
      const contract = await deps.contracts.find(scope, contractId);
      return checklist(scope, contract.customerId, contractId);
    },
  };
}

export type OnboardingService = ReturnType<typeof makeOnboardingService>;
