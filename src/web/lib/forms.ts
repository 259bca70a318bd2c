import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { errorCodes } from '../../shared/errors';
import { i18n } from '../i18n';
import { ApiError } from './api';

const knownCodes = new Set<string>(errorCodes);

/**
 * zodResolver typed with the form's own values: the shared schemas pre-process strings (Arabic-Indic
 * digits, trimming), which makes their zod input type `unknown`.
 */
export function formResolver<TValues extends FieldValues>(schema: z.ZodType): Resolver<TValues> {
  return zodResolver(schema as never) as unknown as Resolver<TValues>;
}

/**
 * Puts the API's per-field messages (`details.fields`, dot paths) onto the form's fields.
 * Returns true when at least one field took a message, so the caller can skip a general alert.
 */
export function applyApiFieldErrors<TValues extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<TValues>,
  fields: readonly string[] | ((path: string) => boolean),
): boolean {
  if (!(error instanceof ApiError)) return false;
  let applied = false;
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const target = resolveField(path, fields);
    if (!target) continue;
    // Services name the reason of a field error by its code (`PASSWORD_COMMON`): say it in words.
    const text = knownCodes.has(message) ? i18n.t(`errors.${message}`) : message;
    setError(target as Path<TValues>, { type: 'server', message: text }, { shouldFocus: !applied });
    applied = true;
  }
  return applied;
}

/** `roles.0` lands on the `roles` field; an unknown path lands nowhere. */
function resolveField(path: string, fields: readonly string[] | ((path: string) => boolean)): string | null {
  if (typeof fields === 'function') return fields(path) ? path : null;
  if (fields.includes(path)) return path;
  return fields.find((field) => path.startsWith(`${field}.`)) ?? null;
}

/** What a form marks as failed: Mantine inputs (`aria-invalid`), and our own controls (`data-invalid`). */
const invalidSelector = '[aria-invalid="true"], [data-invalid="true"]';

/**
 * After a failed submit: scrolls the first field marked invalid to the middle of the screen, clear of the
 * fixed header above and of any sticky save bar below, and focuses it (a screen reader then reads its
 * label and message). It waits for the error marks to render (a few frames at most). Use it with
 * `shouldFocusError: false` in react-hook-form, whose own focus scrolls the field only just into view.
 * Callers open collapsed sections that hold a failed field first.
 */
export function revealFirstInvalid(root: HTMLElement | null | undefined): void {
  if (!root) return;
  let frames = 0;
  const attempt = () => {
    const field = root.querySelector<HTMLElement>(invalidSelector);
    if (!field) {
      if (++frames < 10) requestAnimationFrame(attempt);
      return;
    }
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    field.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
    field.focus({ preventScroll: true });
  };
  requestAnimationFrame(attempt);
}
