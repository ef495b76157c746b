import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { t, type Locale } from '../../core/i18n/index.js';
import { scopeOf } from '../../http/auth.js';
import { IdParams } from '../../http/dto.js';
import { OnboardingChecklist } from './onboarding.dto.js';
import type { Missing, OnboardingService } from './onboarding.service.js';

/** A missing item in words: activation gaps keep the wording racking refuses with (contracts.gap.*). */
const word = (locale: Locale) => (m: Missing) => ({ code: m.code, text: t(locale, m.code.startsWith('gap.') ? `contracts.${m.code}` : `onboarding.missing.${m.code}`, m.params) });

export function onboardingRoutes(deps: { onboarding: OnboardingService }): FastifyPluginAsyncZod {
  const { onboarding } = deps;
  return async (app) => {
    app.get(
      '/customers/:id/onboarding',
      { schema: { tags: ['onboarding'], summary: "The customer's onboarding checklist: each step done, to do or blocked, who does it, what is missing", params: IdParams, response: { 200: OnboardingChecklist } } },
      async (request) => {
        const list = await onboarding.forCustomer(scopeOf(request), request.params.id);
        return { ...list, steps: list.steps.map((s) => ({ ...s, missing: s.missing.map(word(request.locale)) })) };
      },
    );
    app.get(
      '/contracts/:id/onboarding',
      { schema: { tags: ['onboarding'], summary: "One contract's onboarding checklist (its servers, addresses and invoices)", params: IdParams, response: { 200: OnboardingChecklist } } },
      async (request) => {
        const list = await onboarding.forContract(scopeOf(request), request.params.id);
        return { ...list, steps: list.steps.map((s) => ({ ...s, missing: s.missing.map(word(request.locale)) })) };
      },
    );
  };
}
