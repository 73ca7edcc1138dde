/** The breach register as one service object, shared by the server, the CLI and jobs. */
import { addBreachPhase } from './add-breach-phase.ts';
import { assessBreach } from './assess-breach.ts';
import type { BreachRegisterDeps } from './breach-deps.ts';
import type {
  TAssessmentInput,
  TBreachContent,
  TBreachSummary,
  TBreachView,
  TNotificationInput,
  TRecordBreachInput,
} from './breach-types.ts';
import { closeBreach } from './close-breach.ts';
import { listBreaches, readBreach } from './read-breaches.ts';
import { recordBreach } from './record-breach.ts';
import { recordBreachNotification } from './record-breach-notification.ts';

export type { BreachRegisterDeps } from './breach-deps.ts';

export interface BreachRegister {
  record(input: TRecordBreachInput, actor: string): Promise<TBreachView>;
  addPhase(id: string, content: TBreachContent, actor: string): Promise<TBreachView>;
  assess(id: string, input: TAssessmentInput, actor: string): Promise<TBreachView>;
  notify(id: string, input: TNotificationInput, actor: string): Promise<TBreachView>;
  close(id: string, actor: string): Promise<TBreachView>;
  get(id: string): Promise<TBreachView>;
  list(status?: 'open' | 'closed'): Promise<TBreachSummary[]>;
}

/** Create the register over Registre's store. There is no delete: every breach is kept (Art 33(5)). */
export function createBreachRegister(deps: BreachRegisterDeps): BreachRegister {
  return {
    record: (input, actor) => recordBreach(deps, input, actor),
    addPhase: (id, content, actor) => addBreachPhase(deps, id, content, actor),
    assess: (id, input, actor) => assessBreach(deps, id, input, actor),
    notify: (id, input, actor) => recordBreachNotification(deps, id, input, actor),
    close: (id, actor) => closeBreach(deps, id, actor),
    get: (id) => readBreach(deps.db, id, deps.clock()),
    list: (status) => listBreaches(deps.db, deps.clock(), status),
  };
}
