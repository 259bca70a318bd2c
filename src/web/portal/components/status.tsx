import { portalStatusWords } from '../../../shared/requests/portal-status';
import type { RequestStatus } from '../../../shared/requests/request-machine';
import { digits, useSettings, useT } from '../i18n';
import { dualDate } from '../lib/format';

/** Where a request stands, in the words every client uses (shared/requests/portal-status.ts). */
export function StatusWords({ status }: { status: RequestStatus }) {
  const { language } = useSettings();
  const words = portalStatusWords(status);
  return <span className={`status status-${status}`}>{language === 'en' ? words.en : words.ar}</span>;
}

/** A date in the Hijri calendar, with the Gregorian one under it. */
export function DualDate({ value, withTime }: { value: string; withTime?: boolean }) {
  useSettings();
  const date = dualDate(value, withTime);
  return (
    <span className="date-pair">
      {date.hijri}
      <small>{date.gregorian}</small>
    </span>
  );
}

/** An identifier with letters and digits (R-000123, B-000045), kept left to right inside Arabic text. */
export function Code({ value }: { value: string }) {
  useSettings();
  return (
    <bdi dir="ltr" className="code">
      {digits(value)}
    </bdi>
  );
}

/** «رقم الطلب: R-000123» */
export function RequestNumber({ number }: { number: string }) {
  const t = useT();
  return (
    <>
      {t('requests.numberLabel')} <Code value={number} />
    </>
  );
}
