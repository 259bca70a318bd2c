import { Button, FileInput, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiaryDocument } from '../../../../shared/contracts/beneficiaries';
import { isValidGregorianDate, isValidHijriDate } from '../../../../shared/dates-hijri';
import { normalizeDigits } from '../../../../shared/digits';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api';
import { revealFirstInvalid } from '../../../lib/forms';
import { uploadDocument } from '../api';
import { useOrgLists } from '../settings';
import { type Calendar, CalendarDateField } from './calendar-date-field';

const maxBytes = 10 * 1024 * 1024;
const allowedTypes = ['application/pdf', 'image/jpeg', 'image/png'];

interface DateValue {
  calendar: Calendar;
  value: string;
}

function dateFields(name: 'issueDate' | 'expiryDate', date: DateValue): Record<string, string | undefined> {
  const v = normalizeDigits(date.value).trim();
  if (!v) return {};
  return date.calendar === 'hijri' ? { [`${name}Hijri`]: v } : { [name]: v };
}

function dateError(date: DateValue, t: (key: string) => string): string | undefined {
  const v = normalizeDigits(date.value).trim();
  if (!v) return undefined;
  const ok = date.calendar === 'hijri' ? isValidHijriDate(v) : isValidGregorianDate(v);
  return ok ? undefined : t(date.calendar === 'hijri' ? 'errors.INVALID_HIJRI_DATE' : 'errors.INVALID_DATE');
}

/** Uploads one document (PDF, JPEG or PNG up to 10 MB) with its type, number and dates. */
export function DocumentUploadForm({
  beneficiaryId,
  onUploaded,
}: {
  beneficiaryId: string;
  onUploaded: (doc: BeneficiaryDocument) => void;
}) {
  const { t } = useTranslation();
  const { documentTypeOptions, documentHasExpiry } = useOrgLists();
  const [type, setType] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [issue, setIssue] = useState<DateValue>({ calendar: 'hijri', value: '' });
  const [expiry, setExpiry] = useState<DateValue>({ calendar: 'hijri', value: '' });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const formRef = useRef<HTMLFormElement>(null);

  const mutation = useMutation({
    mutationFn: () =>
      uploadDocument(beneficiaryId, file as File, {
        type: type ?? undefined,
        number: normalizeDigits(number).trim() || undefined,
        ...dateFields('issueDate', issue),
        ...(type && documentHasExpiry(type) ? dateFields('expiryDate', expiry) : {}),
      }),
    onSuccess: (doc) => {
      setFile(null);
      setNumber('');
      setIssue({ calendar: issue.calendar, value: '' });
      setExpiry({ calendar: expiry.calendar, value: '' });
      onUploaded(doc);
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const next: Record<string, string> = {};
      for (const [path, message] of Object.entries(error.fieldErrors)) {
        const key = path.replace(/Hijri$/, '');
        next[key] = t(`errors.${message}`, { defaultValue: message });
      }
      setErrors(next);
      revealFirstInvalid(formRef.current);
    },
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const next: Record<string, string | undefined> = {
      type: type ? undefined : t('validation.required'),
      file: !file
        ? t('errors.FILE_REQUIRED')
        : !allowedTypes.includes(file.type)
          ? t('errors.FILE_TYPE_NOT_ALLOWED')
          : file.size > maxBytes
            ? t('beneficiaries.documents.tooLarge')
            : undefined,
      issueDate: dateError(issue, t),
      expiryDate: dateError(expiry, t),
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) {
      revealFirstInvalid(formRef.current);
      return;
    }
    mutation.mutate();
  };

  const showExpiry = !type || documentHasExpiry(type);

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      aria-label={t('beneficiaries.documents.uploadTitle')}
      className="wasl-form"
    >
      <Stack gap="md">
        {mutation.error && Object.keys(errors).length === 0 && <ErrorAlert error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('beneficiaries.documents.type')}
            required
            allowDeselect={false}
            data={documentTypeOptions}
            value={type}
            onChange={setType}
            error={errors.type}
          />
          <TextInput
            label={t('beneficiaries.documents.number')}
            dir="ltr"
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            error={errors.number}
          />
          <CalendarDateField
            label={t('beneficiaries.documents.issueDate')}
            calendar={issue.calendar}
            onCalendarChange={(calendar) => setIssue({ calendar, value: '' })}
            value={issue.value}
            onChange={(value) => setIssue({ ...issue, value })}
            error={errors.issueDate}
          />
          {showExpiry && (
            <CalendarDateField
              label={t('beneficiaries.documents.expiryDate')}
              calendar={expiry.calendar}
              onCalendarChange={(calendar) => setExpiry({ calendar, value: '' })}
              value={expiry.value}
              onChange={(value) => setExpiry({ ...expiry, value })}
              error={errors.expiryDate}
            />
          )}
        </SimpleGrid>
        <FileInput
          label={t('beneficiaries.documents.file')}
          description={t('beneficiaries.documents.fileHint')}
          required
          accept={allowedTypes.join(',')}
          value={file}
          onChange={setFile}
          clearable
          error={errors.file}
          leftSection={<IconUpload size={16} aria-hidden />}
        />
        {file && (
          <Text size="xs" c="gray.7">
            {file.name}
          </Text>
        )}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={mutation.isPending}
            leftSection={<IconUpload size={18} aria-hidden />}
          >
            {t('beneficiaries.documents.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
