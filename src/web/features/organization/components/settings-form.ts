import type { TFunction } from 'i18next';
import type { Control, FieldErrors, UseFormRegister } from 'react-hook-form';
import type { z } from 'zod';
import {
  defaultRoleTitles,
  type Organization,
  type OrganizationSettings,
  updateOrganizationSchema,
} from '../../../../shared/contracts/organization';
import { staffRoles } from '../../../../shared/roles';

export interface SettingsFormValues {
  nameAr: string;
  nameEn: string;
  logo: string | null;
  slug: string;
  settings: OrganizationSettings;
}

/** What each section of the settings form receives. */
export interface SectionProps {
  control: Control<SettingsFormValues>;
  register: UseFormRegister<SettingsFormValues>;
  errors: FieldErrors<SettingsFormValues>;
}

export function toFormValues(org: Organization): SettingsFormValues {
  const roleTitles: OrganizationSettings['roleTitles'] = {};
  for (const role of staffRoles) {
    roleTitles[role] = {
      ...(defaultRoleTitles[role] ?? { ar: role, en: role }),
      ...org.settings.roleTitles[role],
    };
  }
  return {
    nameAr: org.nameAr,
    nameEn: org.nameEn,
    logo: org.logo,
    slug: org.slug,
    settings: {
      ...structuredClone(org.settings),
      sms: structuredClone(org.settings.sms ?? { senderName: 'Wasl', templates: {} }),
      roleTitles,
      workingDays: [...org.settings.workingDays].sort((a, b) => a - b),
      beneficiaryCategories: structuredClone(org.settings.beneficiaryCategories ?? []),
      documentTypes: structuredClone(org.settings.documentTypes ?? []),
      interviewQuestions: structuredClone(org.settings.interviewQuestions ?? []),
      fieldVisitChecklist: structuredClone(org.settings.fieldVisitChecklist ?? []),
    },
  };
}

type Question = OrganizationSettings['interviewQuestions'][number];

/** Only a choice question carries options; a question switched to another type drops them. */
function cleanQuestion({ options, ...question }: Question): Question {
  return question.type === 'choice' ? { ...question, options: options ?? [] } : question;
}

export function cleanSettings(settings: OrganizationSettings): OrganizationSettings {
  return {
    ...settings,
    interviewQuestions: settings.interviewQuestions.map(cleanQuestion),
    fieldVisitChecklist: settings.fieldVisitChecklist.map(cleanQuestion),
  };
}

/**
 * The shared update schema, plus what only makes sense across rows: codes and question ids are unique
 * within their list (records and answers refer to them), and a choice question offers at least two options.
 */
export function settingsFormSchema(t: TFunction) {
  return updateOrganizationSchema.superRefine((value, ctx) => {
    const settings = value.settings;
    if (!settings) return;
    const unique = (list: readonly Record<string, unknown>[] | undefined, listName: string, key: string) => {
      const seen = new Set<unknown>();
      list?.forEach((item, index) => {
        const code = item[key];
        if (code === '' || code === undefined) return;
        if (seen.has(code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['settings', listName, index, key],
            message: t('settings.lists.duplicate'),
          });
        }
        seen.add(code);
      });
    };
    unique(settings.beneficiaryCategories, 'beneficiaryCategories', 'code');
    unique(settings.documentTypes, 'documentTypes', 'code');
    for (const listName of ['interviewQuestions', 'fieldVisitChecklist'] as const) {
      const questions = settings[listName];
      unique(questions, listName, 'id');
      questions?.forEach((question, index) => {
        if (question.type === 'choice' && (question.options?.length ?? 0) < 2) {
          ctx.addIssue({
            code: 'custom',
            path: ['settings', listName, index, 'options'],
            message: t('settings.questions.optionsError'),
          });
        }
      });
    }
  }) satisfies z.ZodType;
}
