import { z } from 'zod';
import { ONBOARDING_STEPS, STEP_ACTORS, STEP_STATES } from './onboarding.service.js';

export const OnboardingStep = z
  .object({
    key: z.enum(ONBOARDING_STEPS).meta({ id: 'OnboardingStepKey' }),
    state: z.enum(STEP_STATES).meta({ id: 'OnboardingStepState' }).describe('done; todo (someone can act now); blocked (an earlier step must be done first)'),
    actors: z.array(z.enum(STEP_ACTORS).meta({ id: 'OnboardingActor' })).describe('who does it: the customer (portal) or a staff role'),
    missing: z.array(z.object({ code: z.string(), text: z.string().describe("what is missing, in the reader's language") })),
    href: z.string().describe('the page where the step is done (console or portal)'),
  })
  .meta({ id: 'OnboardingStep' });

export const OnboardingChecklist = z
  .object({ customerId: z.uuid(), contractId: z.uuid().nullable(), steps: z.array(OnboardingStep) })
  .meta({ id: 'OnboardingChecklist', description: 'The guided path from a new customer to a live, paid server (issue 18 §2), in order' });
