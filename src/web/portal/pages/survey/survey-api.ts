import type { Answers, SurveyForm } from '../../../../shared/contracts/surveys';
import { api } from '../../lib/api';

// The answering calls: by the link's token (no sign-in), and the counter kiosk's (a staff tablet).
const outside = (path: string) => `/..${path}`;

export const loadSurvey = (token: string, signal?: AbortSignal) =>
  api<SurveyForm>(outside(`/survey-responses/${encodeURIComponent(token)}`), { signal, quiet401: true });

export const answerSurvey = (token: string, answers: Answers, anonymous: boolean) =>
  api<{ id: string; answeredAt: string }>(outside(`/survey-responses/${encodeURIComponent(token)}`), {
    method: 'POST',
    body: { answers, anonymous },
    quiet401: true,
  });

export const kioskNext = (signal?: AbortSignal) =>
  api<{ token: string | null; form?: SurveyForm }>(outside('/kiosk/next'), { signal, quiet401: true });

export const kioskWalkIn = () =>
  api<{ id: string; token: string }>(outside('/kiosk/invitations'), {
    method: 'POST',
    body: {},
    quiet401: true,
  });
