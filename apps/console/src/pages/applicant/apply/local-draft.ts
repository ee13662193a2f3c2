// The wizard keeps what the applicant typed in this browser (localStorage, per signed-in account) until the
// application is opened at intake; from then on intake keeps the draft and its materials.
import type { CreateApplication } from '../../../services/intake/views';

export interface LocalDraft {
  step: number;
  data: Partial<CreateApplication>;
  /** Set once intake has opened the draft. */
  applicationId?: string;
  savedAt: string;
}

const key = (sub: string) => `jl-filing.apply-draft.${sub}`;

export function loadDraft(sub: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(key(sub));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function saveDraft(sub: string, draft: Omit<LocalDraft, 'savedAt'>): void {
  localStorage.setItem(key(sub), JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
}

export function clearDraft(sub: string): void {
  localStorage.removeItem(key(sub));
}
