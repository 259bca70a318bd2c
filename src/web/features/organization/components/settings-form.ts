import type { Control, FieldErrors, UseFormRegister } from 'react-hook-form';
import {
  defaultRoleTitles,
  type Organization,
  type OrganizationSettings,
} from '../../../../shared/contracts/organization';
import { staffRoles } from '../../../../shared/roles';

export interface SettingsFormValues {
  nameAr: string;
  nameEn: string;
  logo: string | null;
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
    settings: {
      ...structuredClone(org.settings),
      roleTitles,
      workingDays: [...org.settings.workingDays].sort((a, b) => a - b),
    },
  };
}
