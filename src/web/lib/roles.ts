import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../shared/roles';
import { useMe } from './session';

/** Role titles come from the organization's settings, falling back to the built-in translations. */
export function useRoleTitle(): (role: string) => string {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const lang = i18n.language === 'en' ? 'en' : 'ar';
  return (role) => {
    const custom = me?.organization.settings.roleTitles[role as StaffRole]?.[lang];
    return custom || t(`roles.${role}`, { defaultValue: role });
  };
}
